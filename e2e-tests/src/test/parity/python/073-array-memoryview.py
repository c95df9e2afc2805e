"""array and memoryview: typed arrays, byte swapping, buffer sharing, casting and slicing views, multi-dimensional views."""
import array
import struct
import sys

for code in "bBhHiIlLqQfd":
    a = array.array(code, range(5))
    print(code, a.itemsize, a.tobytes().hex()[:24], a.buffer_info()[1])
a = array.array("i", [1, -2, 3, 400000])
a.append(5)
a.extend([6, 7])
a.insert(0, 0)
print(a, a.pop(), a.index(3), a.count(1), a[1:3], a[::-1], len(a), a.typecode)
swapped = array.array("i", a)
swapped.byteswap()
print(swapped.tobytes()[:8].hex(), a.tobytes()[:8].hex(), sys.byteorder)
u = array.array("u", "ünïcode")
print(u, u.tounicode(), u.itemsize)
d = array.array("d", [0.1, 0.2])
d.frombytes(struct.pack("<d", 1.5))
print(d, d.tolist(), array.array("b", b"\x01\xff").tolist())
try:
    array.array("b", [200])
except OverflowError as e:
    print("OverflowError:", e)
buf = bytearray(range(24))
mv = memoryview(buf)
print(mv.format, mv.itemsize, mv.shape, mv.strides, mv.ndim, mv.contiguous)
ints = mv.cast("I")
print(ints.shape, ints[0], hex(ints[1]), ints.tolist()[:3])
grid = mv.cast("B", shape=[4, 6])
print(grid.shape, grid[1, 2], grid.tolist()[2])
mv[0:4] = b"\xff\xff\xff\xff"
print(buf[:6], ints[0])
sub = mv[4:12]
print(bytes(sub), sub.obj is buf, sub.nbytes, sub.hex("-"), mv[::4].tobytes())
try:
    buf.append(1)
except BufferError as e:
    print("BufferError:", e)
for view in (grid, ints, sub, mv):
    view.release()
buf.append(1)
print(len(buf), memoryview(b"abc").readonly, memoryview(b"ab") == b"ab", memoryview(array.array("h", [1, 2])).tolist())
with memoryview(b"context") as m:
    print(m[2:5].tobytes())
