"""Low-level file I/O with os: open flags, read/write/lseek, pread/pwrite, truncate, O_APPEND, O_EXCL, fstat."""
import os

os.makedirs("/out/osfiles", exist_ok=True)
path = "/out/osfiles/data.bin"
fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC)
print("write", os.write(fd, b"0123456789"), os.write(fd, b"abcdef"))
print("seek", os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 4, os.SEEK_SET), os.lseek(fd, -2, os.SEEK_END))
os.write(fd, b"XY")
os.close(fd)
fd = os.open(path, os.O_RDWR)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 100))
print("pread", os.pread(fd, 4, 8), "pwrite", os.pwrite(fd, b"__", 2), os.lseek(fd, 0, os.SEEK_CUR))
os.lseek(fd, 0, os.SEEK_SET)
print(os.read(fd, 100))
os.ftruncate(fd, 6)
st = os.fstat(fd)
print("size after truncate", st.st_size, os.lseek(fd, 0, os.SEEK_END))
os.lseek(fd, 10, os.SEEK_SET)
os.write(fd, b"!")
os.lseek(fd, 0, os.SEEK_SET)
print("sparse", os.read(fd, 100))
os.close(fd)
fd = os.open(path, os.O_WRONLY | os.O_APPEND)
os.lseek(fd, 0, os.SEEK_SET)
os.write(fd, b"<end>")
os.close(fd)
with open(path, "rb") as f:
    print("append", f.read())
try:
    os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
except FileExistsError as e:
    print("FileExistsError", e.errno)
fd = os.open("/out/osfiles/ro.txt", os.O_CREAT | os.O_WRONLY)
os.write(fd, b"read only?")
os.close(fd)
fd = os.open("/out/osfiles/ro.txt", os.O_RDONLY)
try:
    os.write(fd, b"nope")
except OSError as e:
    print("write to O_RDONLY:", type(e).__name__, e.errno)
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print("double close:", e.errno, e.strerror)
try:
    os.read(9999, 1)
except OSError as e:
    print("bad fd:", e.errno)
with open("/out/osfiles/lines.txt", "w", newline="") as f:
    f.writelines(f"line {i}\r\n" for i in range(5))
with open("/out/osfiles/lines.txt", "r") as f:
    print(f.readline(), repr(f.read(7)), f.tell(), f.readlines())
with open("/out/osfiles/lines.txt", "rb") as f:
    f.seek(-9, os.SEEK_END)
    print(f.tell(), f.read(), f.seek(3), f.read(4))
print(sorted(os.listdir("/out/osfiles")), os.path.getsize(path), os.stat("/out/osfiles/lines.txt").st_size)
