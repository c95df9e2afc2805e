"""The format-spec mini-language and str.format across ints, floats, strings, and custom __format__."""
from decimal import Decimal

numbers = [0, 7, -7, 255, 1234567, -1234567890123]
for n in numbers:
    print(f"{n:d}|{n:+d}|{n: d}|{n:08d}|{n:,}|{n:_}|{n:x}|{n:#X}|{n:#o}|{n:#b}|{n:>12}|{n:<12}|{n:^12}|{n:=+12}|")
floats = [0.0, -0.0, 1.0, 0.1, 2 / 3, 1e16, 1.5e-7, 123456.789, float("nan"), float("-inf")]
for x in floats:
    print(f"{x}|{x:.3f}|{x:.3e}|{x:.3g}|{x:g}|{x:%}|{x:10.2f}|{x:+.1f}|{x:,.2f}|{x:.0f}|{x!r}|")
print(f"{round(2.5)} {round(3.5)} {round(-2.5)} {round(2.675, 2)} {round(1234.5, -2)}")
print("{0}-{1}-{0}".format("a", "b"), "{name}:{value:>5}".format(name="k", value=3))
print("{0[1]} {1[key]} {2.real}".format([10, 20], {"key": "v"}, 3 + 4j))
print("{:{fill}{align}{width}}".format("dyn", fill="~", align="^", width=9))
print("{!r:>10} {!s:<6}|".format("r", "s"))
print(format(Decimal("1234.5678"), ",.2f"), format(Decimal("-0"), "+"), format(Decimal("1e100"), ".3e"))
print(format(1 + 2j, ".2f"), format(12345678901234567890, ","), format("trunc", ".3"))


class Temperature:
    def __init__(self, kelvin):
        self.kelvin = kelvin

    def __format__(self, spec):
        if spec.endswith("C"):
            return format(self.kelvin - 273.15, spec[:-1] + "f") + "°C"
        if spec.endswith("F"):
            return format((self.kelvin - 273.15) * 9 / 5 + 32, spec[:-1] + "f") + "°F"
        return format(self.kelvin, spec) + "K"


t = Temperature(300)
print(f"{t:.1C} {t:.2F} {t:>8}")
for bad in ["{:d}".format, "{:z}".format]:
    try:
        print(bad(1.5))
    except ValueError as e:
        print("ValueError:", e)
try:
    "{0} {2}".format(1, 2)
except IndexError as e:
    print("IndexError:", e)
