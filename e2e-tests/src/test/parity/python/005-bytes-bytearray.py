"""bytes and bytearray: construction, slicing, methods, hex, mutation, and buffer protocol use."""
b = bytes(range(0, 256, 17))
print(b, len(b), b[0], b[-1], b[2:5], b[::-3])
print(b.hex(), b.hex(":"), b.hex(" ", 4), bytes.fromhex("de ad be ef"), bytes.fromhex("00ff"))
print(bytes(3), bytes([65, 66]), b"abc" * 3, b"a" + b"b", b"ab" in b"cabd", 98 in b"abc")
text = b"  Hello, WASI world!\r\n"
print(text.strip(), text.lower(), text.upper(), text.split(), text.split(b","), text.find(b"WASI"))
print(text.replace(b"l", b"L", 2), text.count(b"l"), text.startswith(b"  H"), text.title())
print(b"a,b;c".translate(bytes.maketrans(b",;", b"__")), b"abc".translate(None, b"b"))
print(b"%s=%d (%x)" % (b"key", 42, 255), b"%5.1f|" % 3.14159, b"%c%c" % (72, b"i"))
ba = bytearray(b"mutable")
ba[0] = ord("M")
ba.extend(b" bytes")
ba.append(33)
ba[1:3] = b"UUU"
del ba[-2:]
print(ba, len(ba), ba.pop(), ba.pop(0), ba)
ba.reverse()
print(ba, ba.decode(), bytes(ba).isalpha(), bytearray(5))
print(int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\x01\x00", "big"),
      (1024).to_bytes(4, "big"), (-2).to_bytes(2, "little", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
mv = memoryview(bytearray(b"0123456789"))
mv[2:4] = b"xy"
print(mv.tobytes(), mv[::2].tobytes(), mv.nbytes, mv.readonly, mv.obj)
for value in [b"", b"\x00", b"abc\xffdef", bytes(range(32, 127))]:
    print(repr(value), value.isascii(), value.decode("latin-1")[:10], value.decode("utf-8", "replace")[:10])
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
print(sorted([b"b", b"A", b"a", b"\xff", b""]), b"abc" < b"abd", max(b"zebra"))
