"""base64, base32, base85, hex and binascii: encodings, URL-safe alphabets, padding rules, checksums, errors."""
import base64
import binascii
import zlib

samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)), "ünïcode ✓".encode()]
for s in samples:
    print(base64.b64encode(s)[:48], base64.urlsafe_b64encode(s)[-8:], base64.b32encode(s)[:24], base64.b16encode(s)[:16],
          base64.b85encode(s)[:20], base64.a85encode(s)[:20])
    assert base64.b64decode(base64.b64encode(s)) == s and base64.b32decode(base64.b32encode(s)) == s
    assert base64.b85decode(base64.b85encode(s)) == s and base64.a85decode(base64.a85encode(s)) == s
print(base64.b64decode("aGVsbG8gd29ybGQ="), base64.b64decode(b"aGVsbG8\ngd29y\nbGQ="), base64.urlsafe_b64decode("-_-_"))
print(base64.b32hexencode(b"wasi"), base64.b32decode("MZXW6===", casefold=False), base64.b64encode(b"\xfb\xff", altchars=b"-_"))
for bad in ["abc", "a===", "####", "YQ"]:
    try:
        print(repr(bad), base64.b64decode(bad, validate=True))
    except binascii.Error as e:
        print(repr(bad), "binascii.Error:", e)
print(base64.b64decode("YQ", validate=False) if False else base64.b64decode("YQ=="), base64.encodebytes(bytes(100)).count(b"\n"))
print(binascii.hexlify(b"\x00\xffab", "-"), binascii.unhexlify("cafe"), binascii.crc32(b"hello"), zlib.crc32(b"hello"), zlib.adler32(b"hello"))
print(binascii.crc_hqx(b"hello", 0), binascii.b2a_uu(b"uuencode me"), binascii.a2b_uu(binascii.b2a_uu(b"uuencode me")))
print(binascii.b2a_qp("naïve = café\n".encode(), header=False), binascii.a2b_qp(b"na=C3=AFve"), binascii.b2a_base64(b"x", newline=False))
crc = 0
for chunk in [b"split ", b"into ", b"chunks"]:
    crc = binascii.crc32(chunk, crc)
print(crc == binascii.crc32(b"split into chunks"), f"{crc:08x}")
