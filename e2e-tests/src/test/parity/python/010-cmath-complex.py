"""Complex numbers and cmath: arithmetic, polar form, branch cuts, special values."""
import cmath
import math

z = complex(3, -4)
print(z, abs(z), z.conjugate(), z.real, z.imag, z * 1j, z / (1 + 1j), z**2, (1j) ** 2, complex("1+2j"))
print(cmath.phase(z), cmath.polar(z), cmath.rect(2, math.pi / 3), cmath.sqrt(-1), cmath.sqrt(z))
for f in [cmath.exp, cmath.log, cmath.log10, cmath.sin, cmath.cos, cmath.tan, cmath.asin, cmath.acosh, cmath.atanh]:
    print(f.__name__, f(z), f(0.5 + 0.5j))
print(cmath.sqrt(complex(-4, 0.0)), cmath.sqrt(complex(-4, -0.0)), cmath.log(complex(-1, 0.0)), cmath.log(complex(-1, -0.0)))
print(cmath.isinf(complex(math.inf, 0)), cmath.isnan(complex(0, math.nan)), cmath.isclose(cmath.exp(1j * math.pi), -1, abs_tol=1e-15))
print(cmath.pi, cmath.e, cmath.infj, cmath.nanj)
try:
    cmath.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    z // 2
except TypeError as e:
    print("TypeError:", e)
roots = [cmath.rect(1, 2 * math.pi * k / 5) for k in range(5)]
print([f"{r.real:+.6f}{r.imag:+.6f}j" for r in roots], abs(sum(roots)) < 1e-12)
