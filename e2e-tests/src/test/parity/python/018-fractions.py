"""fractions: exact rational arithmetic, conversion from floats and strings, limit_denominator, continued fractions."""
import math
from decimal import Decimal
from fractions import Fraction

a, b = Fraction(3, 4), Fraction("-5/6")
print(a + b, a - b, a * b, a / b, a ** 2, b ** -2, -a, abs(b), a // b, a % b, divmod(a, b))
print(Fraction(0.1), Fraction("0.1"), Fraction(Decimal("1.25")), Fraction("3.5e-2"), Fraction(" -7/14 "), Fraction(2.5).limit_denominator())
print(Fraction(math.pi).limit_denominator(10), Fraction(math.pi).limit_denominator(1000), Fraction(math.pi).limit_denominator(10**6))
print(a.numerator, a.denominator, a.as_integer_ratio(), float(b), int(Fraction(-7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)))
print(round(Fraction(1, 3), 4), math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), Fraction(1, 3) == 1 / 3, Fraction(1, 2) == 0.5)
print(Fraction(1, 3) < 0.34, Fraction(5, 10) is not None and hash(Fraction(1, 2)) == hash(0.5), sorted([Fraction(1, 3), 0.3, Decimal("0.31")]))
harmonic = sum(Fraction(1, n) for n in range(1, 31))
print(harmonic, float(harmonic))


def continued_fraction(x, terms):
    out = []
    for _ in range(terms):
        whole = math.floor(x)
        out.append(whole)
        x -= whole
        if x == 0:
            break
        x = 1 / x
    return out


print(continued_fraction(Fraction(415, 93), 10), continued_fraction(Fraction(math.sqrt(2)), 12))
egypt = []
rest = Fraction(7, 15)
while rest:
    unit = Fraction(1, math.ceil(1 / rest))
    egypt.append(unit)
    rest -= unit
print("7/15 =", " + ".join(map(str, egypt)))
print(f"{Fraction(22, 7):.5f} {Fraction(1, 8):%} {str(Fraction(-1, 3)):>10}")
for bad in ["1/0", "abc", "1.5/2"]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(repr(bad), type(e).__name__, e)
