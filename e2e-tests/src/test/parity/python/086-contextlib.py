"""contextlib: contextmanager, ExitStack, suppress, redirect_stdout/stderr, closing, nullcontext, chdir, exception handling order."""
import contextlib
import io
import os
import sys

log = []


@contextlib.contextmanager
def tag(name):
    log.append(f"enter {name}")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"{name} handled {e!r}")
    finally:
        log.append(f"exit {name}")


with tag("a") as a, tag("b") as b:
    log.append(f"body {a}{b}")
with tag("c"):
    raise KeyError("swallowed by c")
try:
    with tag("d"):
        raise ValueError("escapes d")
except ValueError as e:
    log.append(f"outside caught {e}")
print(log)
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(f"s{i}")) for i in range(3)]
    stack.callback(lambda: log.append("callback runs first"))
    log.clear()
print(names, log)
with contextlib.suppress(FileNotFoundError, ZeroDivisionError):
    os.remove("/no/such/file")
    print("not reached")
buffer, errbuf = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(errbuf):
    print("captured stdout")
    print("captured stderr", file=sys.stderr)
print(repr(buffer.getvalue()), repr(errbuf.getvalue()))


class Resource:
    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True


with contextlib.closing(Resource()) as r:
    pass
print(r.closed)
with contextlib.nullcontext("value") as v:
    print(v)
os.makedirs("/out/ctx", exist_ok=True)
with contextlib.chdir("/out/ctx"):
    print(os.getcwd())
print(os.getcwd())


class Tracked:
    def __enter__(self):
        print("enter Tracked")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit Tracked with", exc_type.__name__ if exc_type else None)
        return exc_type is RuntimeError


with Tracked():
    raise RuntimeError("suppressed by __exit__")


@contextlib.contextmanager
def broken():
    yield
    yield


try:
    with broken():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


class Reentrant(contextlib.ContextDecorator):
    def __enter__(self):
        print("decorator enter")

    def __exit__(self, *exc):
        print("decorator exit")


@Reentrant()
def decorated():
    print("inside decorated function")


decorated()
