"""The traceback module: format_exc, print_exc to stdout, extract_tb, extract_stack, TracebackException and exception notes."""
import sys
import traceback


def level3(x):
    return 10 / x


def level2(x):
    return level3(x - 1)


def level1(x):
    return level2(x)


try:
    level1(1)
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text)
    exc_type, exc, tb = sys.exc_info()
    for frame in traceback.extract_tb(tb):
        print(frame.name, frame.lineno, frame.line)
    traceback.print_exc(file=sys.stdout, limit=1)
    print(traceback.format_exception(exc, limit=-1)[-2:])
try:
    try:
        level1(1)
    except ZeroDivisionError as e:
        e.add_note("while computing level1(1)")
        raise KeyError("wrapped") from e
except KeyError as e:
    te = traceback.TracebackException.from_exception(e)
    print("".join(te.format()))
    print(te.exc_type.__name__, te.__cause__.exc_type.__name__, len(te.stack))


def where_am_i():
    return [(f.name, f.lineno) for f in traceback.extract_stack()], traceback.format_stack(limit=2)[0].strip().splitlines()[0]


print(where_am_i())
try:
    exec("def broken(:\n  pass")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)))
    print(e.lineno, e.offset, e.text, e.msg)
sys.stderr.write("".join(traceback.format_exception(ValueError("explicit to stderr"))))
