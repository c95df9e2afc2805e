"""Unbounded recursion left uncaught: the traceback collapses repeated lines ("Previous line repeated ...") and exits 1."""


def walk(node):
    return walk(node + 1)


print("about to recurse forever")
walk(0)
