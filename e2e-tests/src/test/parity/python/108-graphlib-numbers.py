"""graphlib's topological sorter (static order, incremental, cycles) and the numbers ABCs with a custom Number type."""
import numbers
from decimal import Decimal
from fractions import Fraction
from graphlib import CycleError, TopologicalSorter

deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "log"], "core": [], "log": [], "tests": ["app"]}
ts = TopologicalSorter(deps)
order = list(ts.static_order())
print(order, all(order.index(d) < order.index(n) for n, ds in deps.items() for d in ds))
ts = TopologicalSorter(deps)
ts.prepare()
rounds = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    rounds.append(ready)
    ts.done(*ready)
print(rounds)
try:
    list(TopologicalSorter({"a": ["b"], "b": ["c"], "c": ["a"]}).static_order())
except CycleError as e:
    print("CycleError:", e.args[0], sorted(e.args[1]))
for value in [1, True, 2.5, 1 + 2j, Fraction(1, 3), Decimal("1.5"), "1"]:
    print(f"{value!r:>18}: Number={isinstance(value, numbers.Number)} Complex={isinstance(value, numbers.Complex)} "
          f"Real={isinstance(value, numbers.Real)} Rational={isinstance(value, numbers.Rational)} Integral={isinstance(value, numbers.Integral)}")


class Money(numbers.Real):
    def __init__(self, cents):
        self.cents = int(cents)

    def __float__(self):
        return self.cents / 100

    def __repr__(self):
        return f"Money({self.cents / 100:.2f})"

    def _wrap(op):
        def method(self, other):
            other_cents = other.cents if isinstance(other, Money) else round(other * 100)
            return Money(op(self.cents, other_cents))
        return method

    __add__ = __radd__ = _wrap(lambda a, b: a + b)
    __sub__ = _wrap(lambda a, b: a - b)
    __rsub__ = _wrap(lambda a, b: b - a)
    __mul__ = __rmul__ = lambda self, k: Money(self.cents * k)
    __truediv__ = lambda self, k: Money(self.cents / k)
    __rtruediv__ = lambda self, k: NotImplemented
    __pow__ = __rpow__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = lambda self, other: NotImplemented
    __neg__ = lambda self: Money(-self.cents)
    __pos__ = lambda self: self
    __abs__ = lambda self: Money(abs(self.cents))
    __trunc__ = lambda self: int(self.cents / 100)
    __int__ = lambda self: int(self.cents / 100)
    __floor__ = lambda self: self.cents // 100
    __ceil__ = lambda self: -(-self.cents // 100)
    __round__ = lambda self, nd=None: round(self.cents / 100, nd)
    __eq__ = lambda self, other: float(self) == float(other)
    __lt__ = lambda self, other: float(self) < float(other)
    __le__ = lambda self, other: float(self) <= float(other)
    __hash__ = lambda self: hash(self.cents)


wallet = [Money(1999), Money(500), Money(1)]
print(sum(wallet, Money(0)), max(wallet), sorted(wallet), Money(1000) / 3, -Money(5), abs(Money(-250)), round(Money(1234)), isinstance(Money(1), numbers.Real))
print(Money(100) + 0.25, 2 * Money(150), Money(1) == 0.01, float(Money(12345)), int(Money(999)), Money(250).__floor__())
