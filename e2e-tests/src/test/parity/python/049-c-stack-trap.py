"""Recursion through C code (lru_cache's wrapper) exhausts the wasm shadow stack before Python's limits notice:
memory access out of bounds, a trap. Output printed before the trap must still be delivered."""
import functools
import sys


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("recursion limit", sys.getrecursionlimit())
for n in (10, 20, 40):
    fib.cache_clear()
    print(f"fib({n}) = {fib(n)}")
sys.stdout.flush()
fib.cache_clear()
print("fib(5000) =", fib(5000))
