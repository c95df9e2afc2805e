"""Large stdout: 3,000 numbered lines (about 80 KB) written with print, then a summary line."""
import zlib

crc = 0
for i in range(3000):
    line = f"{i:06d} {i * i:>12} {'#' * (i % 17)}"
    print(line)
    crc = zlib.crc32(line.encode() + b"\n", crc)
print(f"crc32 of the lines above: {crc:08x}")
