"""Generators and iterators: send/throw/close, yield from with return values, generator expressions, the iterator protocol."""


def accumulator():
    total = 0
    try:
        while True:
            value = yield total
            if value is None:
                break
            total += value
    except GeneratorExit:
        print("accumulator closed at", total)
        raise
    return total


acc = accumulator()
print(next(acc), acc.send(5), acc.send(10), acc.send(-3))
acc.close()


def inner():
    received = yield "inner-1"
    yield f"inner got {received}"
    return "inner result"


def outer():
    result = yield from inner()
    yield f"outer saw {result}"
    yield from range(3)


g = outer()
print(next(g), g.send("hello"), list(g))


def resilient():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            yield f"handled {e}"


r = resilient()
print(next(r), r.throw(ValueError("boom")), next(r))
try:
    r.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated", repr(e))
print(list(r))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    return [x for _, x in zip(range(n), it)]


print(take(15, fib()), sum(x for x in take(30, fib()) if x % 2 == 0))


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(5)), list(zip(Countdown(3), "abc")), sum(Countdown(100)))


def bad():
    yield 1
    raise StopIteration


try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
gen = (x * x for x in range(5))
print(gen.__name__, next(gen), list(gen), list(gen))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))
squares = {n: n * n for n in range(6)}
print(squares, [y for x in [[1, 2], [3]] for y in x], {c for c in "mississippi" if c != "s"} == {"m", "i", "p"})
