"""Files on disk through open(): text newline translation, encodings, append/exclusive/read-write modes, buffering, seek/tell."""
import os

os.makedirs("/out/modes", exist_ok=True)
with open("/out/modes/newlines.txt", "w", newline="\r\n", encoding="utf-8") as f:
    f.write("windows\nline endings\n")
with open("/out/modes/newlines.txt", "rb") as f:
    print(f.read())
with open("/out/modes/newlines.txt", "r", encoding="utf-8") as f:
    print(repr(f.read()), f.newlines)
with open("/out/modes/newlines.txt", "r", newline="", encoding="utf-8") as f:
    print(repr(f.read()))
with open("/out/modes/latin1.txt", "w", encoding="latin-1") as f:
    f.write("café olé\n")
with open("/out/modes/latin1.txt", "rb") as f:
    print(f.read())
with open("/out/modes/latin1.txt", encoding="utf-8", errors="replace") as f:
    print(f.read())
with open("/out/modes/bom.txt", "w", encoding="utf-8-sig") as f:
    f.write("with BOM")
with open("/out/modes/bom.txt", "rb") as f:
    print(f.read(3), os.path.getsize("/out/modes/bom.txt"))
with open("/out/modes/rw.txt", "w+") as f:
    f.write("0123456789")
    f.seek(3)
    print(f.read(3), f.tell())
    f.seek(0, os.SEEK_END)
    f.write("END")
with open("/out/modes/rw.txt", "r+") as f:
    f.write("AB")
    print(f.read())
with open("/out/modes/rw.txt", "a+") as f:
    f.seek(0)
    print(f.read(4))
    f.write("+appended")
with open("/out/modes/rw.txt") as f:
    print(f.read())
try:
    open("/out/modes/rw.txt", "x")
except FileExistsError:
    print("x mode refuses an existing file")
with open("/out/modes/new.txt", "x") as f:
    f.write("created exclusively")
with open("/out/modes/unbuffered.bin", "wb", buffering=0) as f:
    print(type(f).__name__, f.write(b"raw"), f.raw if hasattr(f, "raw") else "no raw")
with open("/out/modes/linebuf.txt", "w", buffering=1) as f:
    f.write("line buffered\n")
    print(f.line_buffering, type(f.buffer).__name__)
with open("/out/modes/text-tell.txt", "w", encoding="utf-8") as f:
    f.write("ünï\ncode\n")
with open("/out/modes/text-tell.txt", encoding="utf-8") as f:
    f.readline()
    pos = f.tell()
    rest = f.read()
    f.seek(pos)
    print(pos, repr(rest), f.read() == rest)
for mode in ["rw", "rr", "q", "wb+t"]:
    try:
        open("/out/modes/x", mode)
    except ValueError as e:
        print(repr(mode), "ValueError:", e)
with open("/out/modes/lines.txt", "w") as f:
    print("via print", 42, sep=" | ", file=f)
    f.writelines(["a\n", "b\n"])
print(open("/out/modes/lines.txt").read().splitlines(), sorted(os.listdir("/out/modes")))
