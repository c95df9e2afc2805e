"""time.sleep goes through poll_oneoff with a clock subscription; under deterministic mode the virtual clock advances.
Node's built-in WASI hangs in poll_oneoff, so this case does not apply there."""
import time

start_m, start_t = time.monotonic(), time.time()
for delay in [0, 0.001, 0.01, 0.05, 0.1]:
    before = time.monotonic()
    time.sleep(delay)
    elapsed = time.monotonic() - before
    print(f"sleep({delay}) elapsed at least the delay: {elapsed >= delay}, elapsed: {elapsed:.6f}")
print("total monotonic:", time.monotonic() - start_m, "total wall:", time.time() - start_t)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
import select

print("select with timeout:", select.select([], [], [], 0.02))
