"""zipfile: write with fixed entry dates (stored, deflated, bzip2), read back, CRC checks, append, comments, bad archives."""
import io
import zipfile

entries = {"hello.txt": b"Hello, zip!\n" * 50, "data/numbers.csv": "\n".join(str(i * i) for i in range(500)).encode(),
           "unicode/ünïcode-名前.txt": "ünïcode ✓\n".encode(), "empty.bin": b""}
path = "/out/zip/archive.zip"
import os

os.makedirs("/out/zip", exist_ok=True)
with zipfile.ZipFile(path, "w") as zf:
    for i, (name, data) in enumerate(entries.items()):
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 2, 3, 4, 6))
        info.compress_type = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_DEFLATED][i]
        info.external_attr = 0o644 << 16
        zf.writestr(info, data)
    zf.comment = b"parity corpus"
print(os.path.getsize(path))
with zipfile.ZipFile(path) as zf:
    print(zf.namelist(), zf.comment, zf.testzip())
    for info in zf.infolist():
        print(f"{info.filename:<28} {info.file_size:>6} {info.compress_size:>6} {info.compress_type} {info.CRC:08x} {info.date_time} {info.flag_bits}")
    print(zf.read("hello.txt")[:12], zf.read("data/numbers.csv").splitlines()[-1], zf.read("unicode/ünïcode-名前.txt").decode())
    with zf.open("data/numbers.csv") as member:
        print(sum(int(line) for line in io.TextIOWrapper(member)))
    zf.extractall("/out/zip/extracted")
print(sorted(os.path.relpath(os.path.join(d, f), "/out/zip/extracted") for d, _, fs in os.walk("/out/zip/extracted") for f in fs))
with zipfile.ZipFile(path, "a") as zf:
    zf.writestr(zipfile.ZipInfo("appended.txt", date_time=(1999, 12, 31, 23, 59, 58)), "added later")
with zipfile.ZipFile(path) as zf:
    print(zf.namelist()[-1], zf.getinfo("appended.txt").date_time, len(zf.infolist()))
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
    zf.writestr(zipfile.ZipInfo("big.txt", (2021, 6, 1, 0, 0, 0)), "abc" * 100000)
print("in memory:", len(buffer.getvalue()), zipfile.is_zipfile(buffer), zipfile.is_zipfile(io.BytesIO(b"not a zip")))
corrupt = bytearray(buffer.getvalue())
corrupt[60] ^= 0xFF
try:
    with zipfile.ZipFile(io.BytesIO(bytes(corrupt))) as zf:
        print("testzip:", zf.testzip())
        zf.read("big.txt")
except (zipfile.BadZipFile, Exception) as e:
    print(type(e).__name__, str(e)[:60])
try:
    zipfile.ZipFile(io.BytesIO(b"PK\x03\x04garbage"))
except zipfile.BadZipFile as e:
    print("BadZipFile:", e)
p = zipfile.Path(path)
print(sorted(x.name for x in p.iterdir()), (p / "data" / "numbers.csv").read_text()[:10])
