"""zlib, gzip and bz2: levels, streaming (de)compressors, gzip files with a fixed mtime, corrupted input errors."""
import bz2
import gzip
import io
import os
import zlib

text = ("Parity between engines is the whole point. " * 200 + "".join(chr(0x3b1 + i % 20) for i in range(2000))).encode()
print("original", len(text), zlib.crc32(text))
for level in [0, 1, 6, 9]:
    packed = zlib.compress(text, level)
    print("zlib level", level, len(packed), zlib.decompress(packed) == text, packed[:2].hex())
co = zlib.compressobj(9, zlib.DEFLATED, -15)
stream = b"".join(co.compress(text[i:i + 1000]) for i in range(0, len(text), 1000)) + co.flush()
do = zlib.decompressobj(-15)
print("raw deflate", len(stream), do.decompress(stream, 500)[:20], len(do.unconsumed_tail), do.eof)
gz = gzip.compress(text, compresslevel=6, mtime=0)
print("gzip", len(gz), gz[:10].hex(), gzip.decompress(gz) == text)
os.makedirs("/out/compress", exist_ok=True)
with open("/out/compress/data.gz", "wb") as raw:
    with gzip.GzipFile(filename="data.txt", mode="wb", fileobj=raw, mtime=1234567890) as f:
        f.write(text)
with gzip.open("/out/compress/data.gz", "rt", encoding="utf-8") as f:
    print("gzip file", os.path.getsize("/out/compress/data.gz"), f.read(40))
with gzip.open("/out/compress/data.gz", "rb") as f:
    f.seek(8800)
    print("seek in gzip", f.read(10), f.tell())
bz = bz2.compress(text, 9)
print("bz2", len(bz), bz[:4], bz2.decompress(bz) == text)
with bz2.open("/out/compress/data.bz2", "wb") as f:
    f.write(text)
print("bz2 file", os.path.getsize("/out/compress/data.bz2"), bz2.open("/out/compress/data.bz2").read() == text)
dec = bz2.BZ2Decompressor()
print("bz2 stream", len(dec.decompress(bz[:100])), len(dec.decompress(bz[100:])), dec.eof)
for label, bad in [("zlib", lambda: zlib.decompress(b"x\x9c garbage")), ("gzip", lambda: gzip.decompress(b"\x1f\x8b\x08\x00bad")),
                   ("bz2", lambda: bz2.decompress(b"BZh9garbage")), ("truncated", lambda: gzip.decompress(gz[:-10]))]:
    try:
        bad()
    except (zlib.error, OSError, EOFError, gzip.BadGzipFile) as e:
        print(label, type(e).__name__, str(e)[:60])
print(zlib.ZLIB_VERSION[:2], zlib.MAX_WBITS, len(zlib.compress(b"")), zlib.decompress(zlib.compress(b"")))
print(gzip.decompress(gzip.compress(b"a", mtime=0) + gzip.compress(b"b", mtime=0)))
