"""Floats: shortest repr, rounding, special values, float.hex, math functions and fsum precision."""
import math
import sys

vals = [0.1 + 0.2, 1 / 3, 2**0.5, math.pi, math.e, 1e308 * 10, -1e-320, 5e-324, 1.7976931348623157e308, 9007199254740993.0]
for v in vals:
    print(repr(v), v.hex(), v.is_integer(), math.isfinite(v), v.as_integer_ratio() if math.isfinite(v) else None)
print(float.fromhex("0x1.8p1"), float("1e-400"), float("-nan"), float("  +inf "), float("1_0.5"))
nan = float("nan")
print(nan == nan, nan != nan, math.isnan(nan), [nan] == [nan], min(1.0, nan), max(nan, 1.0))
print(0.0 == -0.0, math.copysign(1, -0.0), math.atan2(0.0, -0.0), math.atan2(-0.0, -1.0), 1 / math.inf)
print(sum([0.1] * 10), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]))
for f in [math.sqrt, math.exp, math.log, math.log2, math.log10, math.sin, math.cos, math.tan, math.atan,
          math.sinh, math.tanh, math.erf, math.erfc, math.gamma, math.lgamma, math.expm1, math.log1p, math.cbrt]:
    out = []
    for x in [0.5, 1.0, 2.0, 10.0, 123.456]:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(f.__name__, " ".join(out))
for bad in [(math.sqrt, -1), (math.log, 0), (math.exp, 1000), (math.acos, 2)]:
    try:
        bad[0](bad[1])
    except (ValueError, OverflowError) as e:
        print(bad[0].__name__, type(e).__name__, e)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), round(-2.5), round(0.125, 2), round(0.375, 2))
print(math.hypot(3, 4, 12), math.dist((0, 0), (3, 4)), math.degrees(math.pi), math.radians(180))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.ldexp(0.5, 3), math.frexp(48.0), math.modf(-3.75))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0, abs_tol=1e-9), math.remainder(10, 3))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_repr_style)
print(2.0**1023 * 2 == math.inf, (-8) ** (1 / 3), 10**-2, 7.0 // 2, -7.0 % 3, divmod(-7.5, 2))
try:
    2.0**10000
except OverflowError as e:
    print("OverflowError:", e)
print(f"{math.tau:.50f}", f"{1e22:.0f}", f"{2**-1074:.3e}")
