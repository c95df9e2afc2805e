"""atexit handlers run in reverse order after SystemExit propagates out of nested finally blocks;
the exit status comes from the last SystemExit's code (5)."""
import atexit
import sys


def first():
    print("atexit: registered first, runs last")


def second():
    print("atexit: registered second, writes to stderr", file=sys.stderr)


def dropped():
    print("atexit: unregistered (must not run)")


def third(label):
    print(f"atexit: registered third, runs first ({label})")


atexit.register(first)
atexit.register(second)
atexit.register(dropped)
atexit.register(third, "with an argument")
atexit.unregister(dropped)


def deep(n):
    if n == 0:
        raise SystemExit(42)
    try:
        deep(n - 1)
    except ValueError:
        print("not reached")
    finally:
        print(f"unwinding level {n}")


try:
    deep(3)
except SystemExit as e:
    print("caught SystemExit with code", e.code, "- re-raising with 5")
    raise SystemExit(5)
