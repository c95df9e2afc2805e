"""Exceptions handled in-program: hierarchy, chaining (__cause__/__context__), finally ordering, groups and except*, notes."""
import errno
import traceback


class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[0]}"


class NotFound(AppError, LookupError):
    pass


events = []


def risky(kind):
    try:
        events.append(f"try {kind}")
        if kind == "value":
            int("x")
        elif kind == "key":
            {}["missing"]
        elif kind == "custom":
            raise NotFound(404, "no such page")
        elif kind == "return":
            return "returned"
        return "ok"
    except ValueError as e:
        events.append(f"except {type(e).__name__}")
        raise AppError(400, "bad value") from e
    except KeyError:
        events.append("except KeyError")
        raise AppError(500, "lookup failed")
    else:
        events.append("else")
    finally:
        events.append(f"finally {kind}")


for kind in ["none", "value", "key", "custom", "return"]:
    try:
        print(kind, "->", risky(kind))
    except AppError as e:
        print(kind, "->", type(e).__name__, e, e.code, "cause:", repr(e.__cause__), "context:", repr(e.__context__),
              "suppress:", e.__suppress_context__, isinstance(e, LookupError))
print(events)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling") from None
except ValueError as e:
    print(repr(e), e.__cause__, type(e.__context__).__name__, e.__suppress_context__)


def finally_overrides():
    try:
        return "try"
    finally:
        print("finally runs before the return value is used")


print(finally_overrides())
group = ExceptionGroup("batch failed", [ValueError("v1"), TypeError("t1"), ValueError("v2"), ExceptionGroup("inner", [KeyError("k")])])
try:
    raise group
except* ValueError as eg:
    print("ValueErrors:", [str(e) for e in eg.exceptions])
except* (TypeError, KeyError) as eg:
    print("others:", repr(eg))
matched, rest = group.split(lambda e: isinstance(e, ValueError))
print(matched.exceptions, rest.exceptions, group.subgroup(KeyError))
e = RuntimeError("with notes")
e.add_note("first note")
e.add_note("second note")
print("".join(traceback.format_exception_only(e)), end="")
print([cls.__name__ for cls in NotFound.__mro__])
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), BaseException.__subclasses__()[:4])
try:
    raise StopIteration
except Exception as exc:
    print("caught", type(exc).__name__, exc.args, exc.value)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as exc:
    print("AssertionError:", exc)
# WASI numbers errors its own way: 2 is EACCES there, so OSError(2, ...) becomes a PermissionError.
err = OSError(2, "No such file", "x.txt")
print(type(OSError(errno.ENOENT, "x")).__name__, errno.ENOENT)
print(type(err).__name__, err.errno, err.strerror, err.filename, str(err))
print(repr(KeyError("k")), str(KeyError("k")), repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
