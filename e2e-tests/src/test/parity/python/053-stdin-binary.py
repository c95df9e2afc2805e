"""Binary stdin: read everything from sys.stdin.buffer, then parse length-prefixed records and hash the input."""
import hashlib
import struct
import sys

data = sys.stdin.buffer.read()
print("bytes:", len(data), "sha256:", hashlib.sha256(data).hexdigest())
print("byte histogram (top 5):", sorted(((data.count(bytes([b])), b) for b in set(data)), reverse=True)[:5])
magic, count = struct.unpack_from("<4sH", data)
print("magic:", magic, "records:", count)
offset = 6
for _ in range(count):
    (length,) = struct.unpack_from("<H", data, offset)
    offset += 2
    payload = data[offset:offset + length]
    offset += length
    print(length, payload[:20], payload.decode("utf-8", "replace")[:20])
print("trailing:", data[offset:].hex())
print("read again:", sys.stdin.buffer.read(), "isatty:", sys.stdin.isatty() in (True, False))
