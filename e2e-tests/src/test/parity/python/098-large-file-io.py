"""Large files: write 4 MB in uneven chunks, read it back in several ways, seek around, append and truncate; checksums compared."""
import zlib
import os

PATTERN = bytes(range(251))
path = "/out/big/data.bin"
os.makedirs("/out/big", exist_ok=True)
writer_crc = 0
with open(path, "wb") as f:
    size, n = 0, 0
    while size < 4 * 1024 * 1024:
        start = (n * 31) % 251
        chunk = (PATTERN[start:] + PATTERN * 300)[:1000 + (n * 7919) % 65536]
        f.write(chunk)
        writer_crc = zlib.crc32(chunk, writer_crc)
        size += len(chunk)
        n += 1
print("written:", os.path.getsize(path), n, "chunks", f"crc32 {writer_crc:08x}")
with open(path, "rb") as f:
    whole = f.read()
print("read at once:", len(whole), zlib.crc32(whole) == writer_crc)
reader_crc = 0
with open(path, "rb") as f:
    while block := f.read(12345):
        reader_crc = zlib.crc32(block, reader_crc)
print("read in blocks:", reader_crc == writer_crc)
with open(path, "rb") as f:
    samples = []
    for offset in [0, 1, 4095, 4096, 1 << 20, (4 << 20) - 1, os.path.getsize(path) - 3]:
        f.seek(offset)
        samples.append((offset, f.read(3).hex()))
print("seeks:", samples)
with open(path, "ab") as f:
    f.write(b"TAIL" * 1000)
with open(path, "r+b") as f:
    f.truncate(3_000_000)
    f.seek(1_500_000)
    f.write(b"MIDDLE")
print("after append/truncate/patch:", os.path.getsize(path), f"{zlib.crc32(open(path, 'rb').read()):08x}")
with open("/out/big/lines.txt", "w") as f:
    for i in range(5_000):
        f.write(f"line {i} {'x' * (i % 40)}\n")
with open("/out/big/lines.txt") as f:
    count = sum(1 for _ in f)
print("text lines:", count, os.path.getsize("/out/big/lines.txt"))
os.remove("/out/big/lines.txt")
