"""timeit and cProfile report measured durations, so their numbers are reproducible only in deterministic mode.

Timer.autorange is left out: it times until 0.2 s have passed between two clock readings, and deterministic
mode's clock moves one step (1 ms) per reading whatever the work in between, so it would never end there.
"""
import cProfile
import io
import pstats
import timeit


def work(n):
    return sum(i * i for i in range(n))


print("timeit:", timeit.timeit("work(1000)", globals=globals(), number=50))
print("repeat:", timeit.repeat("sorted(range(1000, 0, -1))", number=20, repeat=3))
profiler = cProfile.Profile()
profiler.enable()
for n in range(50):
    work(n * 10)
profiler.disable()
out = io.StringIO()
stats = pstats.Stats(profiler, stream=out).sort_stats("ncalls")
stats.print_stats(5)
print(out.getvalue())
