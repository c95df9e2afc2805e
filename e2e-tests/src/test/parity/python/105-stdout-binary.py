"""Raw bytes on stdout and stderr through sys.stdout.buffer: invalid UTF-8, NUL bytes, lone CR, every byte value."""
import sys

sys.stdout.buffer.write(b"plain ascii line\n")
sys.stdout.buffer.write(b"invalid utf-8: \xff\xfe\xc3\x28 end\n")
sys.stdout.buffer.write(b"nul bytes: a\x00b\x00c\n")
sys.stdout.buffer.write(b"carriage return\rover\r\n")
sys.stdout.buffer.write(bytes(range(256)))
sys.stdout.buffer.write(b"\n")
sys.stdout.flush()
print("text after binary, encoded by the wrapper: ünïcode ✓ \U0001F600")
print("surrogateescape round trip:", b"\xff\xfe".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
sys.stdout.flush()
sys.stderr.buffer.write(b"stderr bytes: \x80\x81\x82\n")
sys.stderr.write("stderr backslashreplace: \udcff\n")
try:
    print("lone surrogate on stdout: \udcff")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e.reason, e.start, file=sys.stderr)
