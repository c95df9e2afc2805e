"""tarfile: build archives with fixed metadata in every format and compression, list, extract with a filter, reject bad paths."""
import io
import os
import tarfile

os.makedirs("/out/tar", exist_ok=True)
files = {"readme.txt": b"hello tar\n", "src/main.py": b"print('main')\n" * 20, "data/blob.bin": bytes(range(256)) * 30}


def add_all(tf):
    for name in ["src", "data"]:
        info = tarfile.TarInfo(name)
        info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, 1600000000
        tf.addfile(info)
    for name, data in files.items():
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode, info.uname, info.gname = len(data), 1600000000, 0o644, "parity", "corpus"
        tf.addfile(info, io.BytesIO(data))
    link = tarfile.TarInfo("link-to-readme")
    link.type, link.linkname, link.mtime = tarfile.SYMTYPE, "readme.txt", 1600000000
    tf.addfile(link)


for fmt_name, fmt in [("ustar", tarfile.USTAR_FORMAT), ("gnu", tarfile.GNU_FORMAT), ("pax", tarfile.PAX_FORMAT)]:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=fmt) as tf:
        add_all(tf)
    print(fmt_name, len(buffer.getvalue()))
for mode in ["w", "w:gz", "w:bz2"]:
    path = "/out/tar/archive.tar" + mode[2:].replace("gz", ".gz").replace("bz2", ".bz2")
    if mode == "w:gz":
        raw = open(path, "wb")
        import gzip

        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz, tarfile.open(fileobj=gz, mode="w") as tf:
            add_all(tf)
        raw.close()
    else:
        with tarfile.open(path, mode) as tf:
            add_all(tf)
    print(path, os.path.getsize(path), tarfile.is_tarfile(path))
with tarfile.open("/out/tar/archive.tar.gz") as tf:
    for m in tf.getmembers():
        print(f"{m.name:<16} {m.size:>6} {oct(m.mode)} {m.mtime} {m.type!r} {m.uname}/{m.gname} {m.linkname}")
    print(tf.extractfile("src/main.py").read()[:14], tf.getnames())
    tf.extractall("/out/tar/extracted", filter="data")
print(sorted(os.path.relpath(os.path.join(d, f), "/out/tar/extracted") for d, _, fs in os.walk("/out/tar/extracted") for f in fs))
evil = io.BytesIO()
with tarfile.open(fileobj=evil, mode="w") as tf:
    info = tarfile.TarInfo("../../escape.txt")
    info.size = 4
    tf.addfile(info, io.BytesIO(b"evil"))
evil.seek(0)
with tarfile.open(fileobj=evil) as tf:
    try:
        tf.extractall("/out/tar/evil", filter="data")
    except tarfile.FilterError as e:
        print(type(e).__name__, e)
try:
    tarfile.open(fileobj=io.BytesIO(b"not a tar at all" * 40))
except tarfile.ReadError as e:
    print("ReadError:", e)
