"""time from the host clocks: time(), the monotonic clocks, gmtime/localtime/strftime of now, process time, clock info.
The clock values are reproducible only in deterministic mode (fixed virtual clock)."""
import datetime
import time

now = time.time()
print("time:", now, time.time_ns())
print("gmtime:", time.gmtime(now), time.strftime("%Y-%m-%d %H:%M:%S %Z", time.gmtime(now)))
print("localtime:", time.localtime(now)[:6], time.tzname, time.timezone, time.daylight, time.asctime(time.localtime(now)))
m1, p1 = time.monotonic(), time.perf_counter()
total = sum(i * i for i in range(100000))
m2, p2 = time.monotonic(), time.perf_counter()
print("monotonic:", m1, m2, m2 >= m1, "perf_counter:", p1, p2, p2 >= p1, total)
print("ns:", time.monotonic_ns(), time.perf_counter_ns())
print("process_time:", time.process_time(), "thread_time present:", hasattr(time, "thread_time"))
for name in ["time", "monotonic", "perf_counter", "process_time"]:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution)
print("datetime.now:", datetime.datetime.now(), datetime.datetime.now(datetime.timezone.utc), datetime.date.today())
print("clock_gettime:", time.clock_gettime(time.CLOCK_REALTIME), time.clock_gettime(time.CLOCK_MONOTONIC), time.clock_getres(time.CLOCK_MONOTONIC))
print("mktime round trip:", time.mktime(time.localtime(1700000000)), time.strftime("%c", time.gmtime(1700000000)))
