"""Recursion limits: Python-level recursion hitting RecursionError, a raised limit, a lowered limit, deep but legal recursion."""
import sys

print("default limit:", sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def unbounded(n):
    return unbounded(n + 1)


try:
    unbounded(0)
except RecursionError as e:
    print("RecursionError:", e)
print("depth 900:", depth(900))
sys.setrecursionlimit(120)
try:
    depth(200)
except RecursionError as e:
    print("with limit 120:", e)
print("depth 100 still fine:", depth(100))
sys.setrecursionlimit(30000)
print("depth 25000 with limit 30000:", depth(25000))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print("mutual recursion:", is_even(20000), is_odd(7777))
sys.setrecursionlimit(1000)


def count_frames():
    frame, count = sys._getframe(), 0
    while frame:
        count += 1
        frame = frame.f_back
    return count


print("frames at top level:", count_frames())


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print("ackermann(2, 3) =", ackermann(2, 3))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
