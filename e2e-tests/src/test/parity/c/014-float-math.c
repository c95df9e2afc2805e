/* Floating point through libm and wasm instructions: exact decimal printing, rounding, special values, and the sign of a
   NaN produced at run time (the wasm spec lets engines choose NaN bits for arithmetic results). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }

int main(void) {
    volatile double zero = 0.0, one = 1.0, three = 3.0, big = 1e308;
    double values[] = {one / three, sqrt(2.0), exp(one), log(10.0), sin(one), cos(one), tan(one), atan2(one, three),
                       pow(2.0, 0.5), cbrt(27.0), hypot(3.0, 4.0), expm1(1e-10), log1p(1e-10), erf(0.5), tgamma(5.5), lgamma(100.0)};
    for (unsigned i = 0; i < sizeof values / sizeof *values; i++) printf("%2u: %.17g %a\n", i, values[i], values[i]);
    printf("rounding: %.1f %.1f %.0f %.0f %g %g %g %g\n", 0.25, 0.35, 2.5, 3.5, round(2.5), rint(2.5), nearbyint(-2.5), trunc(-2.7));
    printf("floor/ceil: %g %g %g %g fmod: %g remainder: %g\n", floor(-1.5), ceil(-1.5), floor(1.5), ceil(1.5), fmod(-7.0, 3.0), remainder(7.0, 3.0));
    printf("limits: %.17g %.17g %.17g %d %d\n", DBL_MAX, DBL_MIN, DBL_EPSILON, DBL_DIG, FLT_DIG);
    printf("overflow: %g %g underflow: %g\n", big * 10, -big * 10, DBL_MIN / 1e20);
    printf("float: %.9g %.9g %a\n", (float)(1.0f / 3.0f), sqrtf(2.0f), (double)(float)0.1);
    printf("int conversions: %d %d %lld %u\n", (int)-2.9, (int)2.9, (long long)1e18, (unsigned)(double)4000000000.0);
    double inf = one / zero;
    double nan_rt = zero / zero;
    printf("inf: %f %g isinf=%d\n", inf, -inf, isinf(inf));
    printf("runtime NaN: isnan=%d signbit=%d printf=%f bits=%016llx\n", isnan(nan_rt), signbit(nan_rt) != 0, nan_rt, (unsigned long long)bits(nan_rt));
    double nan_lib = nan("");
    printf("nan(\"\"): signbit=%d bits=%016llx, -nan: signbit=%d\n", signbit(nan_lib) != 0, (unsigned long long)bits(nan_lib), signbit(-nan_lib) != 0);
    printf("nan compare: %d %d %d\n", nan_rt == nan_rt, nan_rt != nan_rt, nan_rt < one);
    double sum = 0;
    for (int i = 1; i <= 1000000; i++) sum += 1.0 / ((double)i * i);
    printf("basel sum: %.17g (pi^2/6 = %.17g)\n", sum, M_PI * M_PI / 6);
    return 0;
}
