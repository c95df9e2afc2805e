"""decimal: exact arithmetic, contexts, precision and rounding modes, quantize, signals and traps, special values."""
from decimal import (ROUND_05UP, ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN,
                     ROUND_HALF_UP, ROUND_UP, Context, Decimal, DivisionByZero, Inexact, InvalidOperation,
                     Overflow, getcontext, localcontext)

print(Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.30") + Decimal("1.20"), Decimal("1.30") * Decimal("1.20"))
print(Decimal(1) / Decimal(7), Decimal(2).sqrt(), Decimal(10).ln(), Decimal("1e3").log10(), Decimal(2) ** Decimal("0.5"))
with localcontext() as ctx:
    ctx.prec = 60
    print(Decimal(1) / Decimal(7), Decimal(2).sqrt(), Decimal(1).exp())
money = Decimal("2.675")
for mode in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP]:
    print(mode, money.quantize(Decimal("0.01"), rounding=mode), (-money).quantize(Decimal("0.01"), rounding=mode),
          Decimal("2.5").to_integral_value(rounding=mode))
print(Decimal("123.4500").normalize(), Decimal("1E+2").normalize(), Decimal("0.000").normalize(), Decimal("-0"))
print(Decimal("12.345").as_tuple(), Decimal("-1.5e-10").as_tuple(), Decimal("123.45").adjusted(), Decimal((1, (3, 1, 4), -2)))
print(Decimal("inf") + 1, Decimal("-inf") < 0, Decimal("nan").is_nan(), Decimal("sNaN").is_snan(), Decimal("NaN") == Decimal("NaN"))
ctx = getcontext()
print(ctx.prec, ctx.rounding, ctx.Emax, ctx.Emin, sorted(t.__name__ for t, on in ctx.traps.items() if on))
for expr in [lambda: Decimal(1) / 0, lambda: Decimal(0) / 0, lambda: Decimal("-1").sqrt(), lambda: Decimal("1e999999") * 10,
             lambda: Decimal("abc"), lambda: Decimal("1.5").quantize(Decimal("1e-30"), context=Context(prec=5))]:
    try:
        print(expr())
    except (DivisionByZero, InvalidOperation, Overflow) as e:
        print(type(e).__name__, [c.__name__ for c in type(e).__mro__[:3]])
strict = Context(prec=5, traps=[Inexact])
try:
    strict.divide(Decimal(1), Decimal(3))
except Inexact:
    print("Inexact trapped")
lenient = Context(prec=5, traps=[])
print(lenient.divide(Decimal(1), Decimal(0)), lenient.flags[DivisionByZero], lenient.divide(Decimal(1), Decimal(3)))
prices = [Decimal("19.99"), Decimal("5.01"), Decimal("0.10"), Decimal("100")]
total = sum(prices, Decimal(0))
print(total, total * Decimal("1.0825"), (total * Decimal("1.0825")).quantize(Decimal("0.01")), max(prices), sorted(prices))
print(Decimal("7").compare(Decimal("7.0")), Decimal("7").compare_total(Decimal("7.0")), hash(Decimal("1.5")) == hash(1.5))
print(Decimal(10) % Decimal(3), Decimal(-10) % Decimal(3), Decimal(-10) // Decimal(3), divmod(Decimal("7.5"), 2))
print(f"{Decimal('1234567.891'):,.2f} {Decimal('0.00001234'):.3e} {Decimal('42'):08.3f} {Decimal('-0.5'):+.0f}")
print(Decimal("1.1").fma(2, Decimal("0.3")), Decimal(3).max(Decimal("3.0")), Decimal("12").scaleb(-3), Decimal(255).logb())
