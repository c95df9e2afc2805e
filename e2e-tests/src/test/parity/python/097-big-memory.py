"""Memory growth: large lists, dicts, strings and a 16 MB bytearray force memory.grow many times; results are summarised."""
import zlib
import sys

numbers = list(range(500_000))
print("list:", len(numbers), sum(numbers), sys.getsizeof(numbers) > 2_000_000)
table = {i: str(i) for i in range(10_000)}
print("dict:", len(table), table[9_999], sum(len(v) for v in table.values()))
big = bytearray(16 * 1024 * 1024)
for i in range(0, len(big), 4096):
    big[i] = i // 4096 % 256
print("bytearray:", len(big), f"{zlib.crc32(big):08x}")
text = "parity " * 300_000
print("string:", len(text), text.count("parity"), f"{zlib.crc32(text.encode()):08x}")
del numbers, table, big
chunks = [bytes([i % 256]) * 100_000 for i in range(60)]
print("chunks:", len(chunks), sum(map(len, chunks)), f"{zlib.crc32(b''.join(chunks)):08x}")
try:
    bytearray(2**31)
except (MemoryError, OverflowError) as e:
    print("2 GiB at once:", type(e).__name__)
