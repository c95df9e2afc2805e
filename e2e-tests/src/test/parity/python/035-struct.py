"""struct: byte orders, sizes and alignment, pack_into/unpack_from, iter_unpack, a binary record format, errors."""
import struct

for fmt in ["<i", ">i", "=i", "@i", "<q", "<h", "<f", "<d", "<e", "<?", "<c", "<5s", "<p", "@P", "@l", "@n", "<bhl", "@bhl", "@xhxi"]:
    print(f"{fmt:>6} size={struct.calcsize(fmt)}")
print(struct.pack("<i", -2), struct.pack(">i", -2), struct.pack("<H", 0xABCD), struct.pack(">Q", 2**64 - 1))
print(struct.pack("<d", 1.5).hex(), struct.pack("<f", 0.1).hex(), struct.unpack("<f", struct.pack("<f", 0.1)), struct.pack("<e", 65504.0))
print(struct.pack("<3s5s", b"abcdef", b"xy"), struct.pack("<?", 5), struct.pack("<10p", b"pascal"), struct.unpack("<10p", struct.pack("<10p", b"pascal")))
header = struct.Struct("<4sHHIq")
record = header.pack(b"WASI", 1, 2, 0xDEADBEEF, -1)
print(record.hex(), header.size, header.unpack(record), header.format)
buf = bytearray(header.size * 4)
for i in range(4):
    header.pack_into(buf, i * header.size, b"R%03d" % i, i, i * 2, i * 3, -i)
print(buf.hex())
print([header.unpack_from(buf, i * header.size)[0] for i in range(4)], list(header.iter_unpack(bytes(buf)))[3])
values = struct.pack("<" + "hI" * 3, 1, 10, -2, 20, 3, 30)
print(list(struct.iter_unpack("<hI", values)), struct.unpack_from("<I", values, offset=2))
for bad in [lambda: struct.pack("<b", 200), lambda: struct.pack("<I", -1), lambda: struct.unpack("<I", b"\x00"),
            lambda: struct.pack("<z", 1), lambda: struct.pack("<i", 1.5), lambda: struct.pack("<2i", 1)]:
    try:
        bad()
    except struct.error as e:
        print("struct.error:", e)
print(struct.unpack("<d", b"\x00\x00\x00\x00\x00\x00\xf8\x7f"), struct.unpack(">d", struct.pack(">d", float("-inf"))))


def encode_message(msg_id, fields):
    body = b"".join(struct.pack("<BH", tag, len(v)) + v for tag, v in fields)
    return struct.pack("<IH", msg_id, len(body)) + body


def decode_message(data):
    msg_id, length = struct.unpack_from("<IH", data)
    offset, fields = 6, []
    while offset < 6 + length:
        tag, size = struct.unpack_from("<BH", data, offset)
        offset += 3
        fields.append((tag, data[offset:offset + size]))
        offset += size
    return msg_id, fields


msg = encode_message(77, [(1, b"name"), (2, "ünïcode".encode()), (3, bytes(300))])
print(len(msg), msg[:16].hex(), decode_message(msg)[0], [(t, len(v)) for t, v in decode_message(msg)[1]])
