"""io in memory: StringIO/BytesIO seeking and truncation, TextIOWrapper newline and encoding handling, BufferedReader peeks."""
import io

s = io.StringIO("line one\nline two\r\nline three")
print(s.readline(), s.tell(), s.read(4), s.readlines(), s.read(), s.seek(0), s.read(8))
s.seek(0, io.SEEK_END)
s.write("\nappended")
print(repr(s.getvalue()), s.truncate(10), repr(s.getvalue()))
b = io.BytesIO()
b.write(b"hello world")
b.seek(6)
b.write(b"WASI!")
b.seek(20)
b.write(b"gap")
print(b.getvalue(), b.getbuffer().nbytes, b.seek(-3, io.SEEK_END), b.read(), b.readable(), b.seekable())
raw = io.BytesIO("α\r\nβ\rγ\nδ".encode("utf-8"))
for newline in [None, "", "\n", "\r", "\r\n"]:
    raw.seek(0)
    wrapper = io.TextIOWrapper(raw, encoding="utf-8", newline=newline)
    print(repr(newline), [line for line in wrapper])
    wrapper.detach()
out = io.BytesIO()
w = io.TextIOWrapper(out, encoding="utf-16", newline="\r\n", write_through=True)
w.write("a\nb\n")
w.flush()
print(out.getvalue())
w.detach()
bad = io.TextIOWrapper(io.BytesIO(b"ok \xff bad"), encoding="utf-8", errors="strict")
try:
    bad.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError at", e.start)
lenient = io.TextIOWrapper(io.BytesIO(b"ok \xff bad"), encoding="utf-8", errors="replace")
print(lenient.read(), lenient.encoding, lenient.errors)
br = io.BufferedReader(io.BytesIO(b"0123456789" * 10), buffer_size=16)
print(br.peek(3)[:3], br.read(5), br.read1(100)[:20], br.tell())
rw = io.BufferedRandom(io.BytesIO(b"abcdef"))
rw.seek(2)
rw.write(b"XY")
rw.seek(0)
print(rw.read())
print(io.DEFAULT_BUFFER_SIZE, io.text_encoding(None), isinstance(io.StringIO(), io.TextIOBase), io.BytesIO(b"x").isatty())
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
closed = io.StringIO()
closed.close()
try:
    closed.write("x")
except ValueError as e:
    print("ValueError:", e)
