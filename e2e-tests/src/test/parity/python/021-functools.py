"""functools: lru_cache statistics, partial, reduce, singledispatch, cached_property, total_ordering, wraps, cmp_to_key."""
import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


warm = [fib(n) for n in range(201)]  # filled bottom-up: each call recurses at most two levels
print(fib(200), warm[-1] == fib(200), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@functools.lru_cache(maxsize=3)
def square(x):
    return x * x


for x in [1, 2, 3, 1, 4, 2, 5, 1]:
    square(x)
print(square.cache_info(), square.cache_parameters())
power_of_two = functools.partial(pow, 2)
print(power_of_two(10), power_of_two.func.__name__, power_of_two.args, functools.partial(int, base=16)("ff"))
print(functools.reduce(lambda acc, x: acc * 10 + x, [1, 2, 3, 4]), functools.reduce(max, [3, 9, 2], 0))


@functools.singledispatch
def describe(obj):
    return f"object {obj!r}"


@describe.register
def _(obj: int):
    return f"int {obj:#x}"


@describe.register(list)
def _(obj):
    return "list of " + ", ".join(describe(x) for x in obj)


@describe.register
def _(obj: bool):
    return f"bool {obj}"


print(describe(255), describe(True), describe([1, "a", 2.5]), describe(None), sorted(t.__name__ for t in describe.registry))


class Dataset:
    def __init__(self, values):
        self.values = values
        self.computed = 0

    @functools.cached_property
    def total(self):
        self.computed += 1
        return sum(self.values)


ds = Dataset(range(100))
print(ds.total, ds.total, ds.computed, "total" in vars(ds))
del ds.total
print(ds.total, ds.computed)


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


versions = [Version(v) for v in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(sorted(versions), Version("2.0") >= Version("1.99"), Version("1.0") <= Version("1.0"), max(versions))


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}")
        return func(*args, **kwargs)

    return wrapper


@logged
def add(a, b):
    """Adds two numbers."""
    return a + b


print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(5, 5))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words, key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()) or (a < b) - (a > b))))
print(functools.reduce(lambda a, b: a | b, [{1}, {2, 3}, {3, 4}]))
