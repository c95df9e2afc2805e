"""Scopes and closures: nonlocal/global, late binding in loops, default-argument capture, decorators with arguments, class scopes."""
counter = 0


def bump():
    global counter
    counter += 1
    return counter


def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


c1, c2 = make_counter(), make_counter()
print(bump(), bump(), c1(), c1(), c1(10), c2(), c1.__closure__[0].cell_contents, c1.__code__.co_freevars)
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])


def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]

        return wrapper

    return decorator


@repeat(3)
def greet(name):
    return f"hi {name}"


print(greet("ana"))
x = "global"


def shadow():
    x = "enclosing"

    def inner():
        return x

    x = "enclosing, rebound later"
    return inner()


print(shadow(), x)


def unbound():
    try:
        print(y)
    except NameError as e:
        print(type(e).__name__, e)
    y = 1


unbound()


class Scope:
    value = 10
    doubled = [value * 2 for _ in range(2)] if False else None
    items = [n for n in range(3)]

    def method(self):
        return value if "value" in globals() else Scope.value


print(Scope.items, Scope().method())
adders = {name: (lambda n: lambda v: v + n)(n) for name, n in [("one", 1), ("ten", 10)]}
print(adders["one"](5), adders["ten"](5))


def memo(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]

    wrapper.cache = cache
    return wrapper


@memo
def collatz_len(n):
    return 1 if n == 1 else 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best), len(collatz_len.cache))
print(sorted(k for k in globals() if not k.startswith("__")))
