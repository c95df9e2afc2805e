"""File timestamps set explicitly with os.utime (seconds and nanoseconds) are read back exactly; needs no clock."""
import os

os.makedirs("/out/times", exist_ok=True)
with open("/out/times/a.txt", "w") as f:
    f.write("a")
cases = [(1_000_000_000, 1_000_000_000), (0, 0), (1_700_000_000, 1_600_000_000), (2**31 + 5, 2**32 + 7)]
for atime, mtime in cases:
    os.utime("/out/times/a.txt", (atime, mtime))
    st = os.stat("/out/times/a.txt")
    print(f"set atime={atime} mtime={mtime} -> st_atime={st.st_atime} st_mtime={st.st_mtime} ns={st.st_mtime_ns}")
os.utime("/out/times/a.txt", ns=(1_234_567_890_123_456_789, 987_654_321_000_000_001))
st = os.stat("/out/times/a.txt")
print("ns precision:", st.st_atime_ns, st.st_mtime_ns)
os.utime("/out/times/a.txt", (1.5, 2.25))
st = os.stat("/out/times/a.txt")
print("float seconds:", st.st_atime, st.st_mtime, st.st_mtime_ns)
os.makedirs("/out/times/dir")
os.utime("/out/times/dir", (86400, 86400 * 2))
print("directory:", os.stat("/out/times/dir").st_mtime, os.path.getmtime("/out/times/dir"), os.path.getatime("/out/times/dir"))
fd = os.open("/out/times/a.txt", os.O_RDONLY)
os.utime(fd, (111, 222))
print("via fd:", os.fstat(fd).st_atime, os.fstat(fd).st_mtime)
os.close(fd)
later = os.stat("/out/times/a.txt")
with open("/out/times/a.txt", "rb") as f:
    f.read()
print("reading keeps mtime:", os.stat("/out/times/a.txt").st_mtime == later.st_mtime)
try:
    os.utime("/out/times/missing", (1, 1))
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno)
try:
    os.utime("/out/times/a.txt", times=(1, 2), ns=(1, 2))
except ValueError as e:
    print("ValueError:", e)
import shutil

shutil.copy2("/out/times/a.txt", "/out/times/b.txt")
print("copy2 keeps times:", os.stat("/out/times/b.txt").st_mtime == os.stat("/out/times/a.txt").st_mtime)
