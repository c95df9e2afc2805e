"""tempfile: gettempdir with an empty environment, named and anonymous temporary files, mkdtemp, spooled files.
Names come from a generator seeded by random_get, so the printed names are only reproducible in deterministic mode."""
import os
import tempfile

print("tempdir:", tempfile.gettempdir(), "prefix:", tempfile.gettempprefix())
os.makedirs("/tmp", exist_ok=True)
tempfile.tempdir = None
print("tempdir after creating /tmp:", tempfile.gettempdir())
with tempfile.NamedTemporaryFile("w+", suffix=".txt", prefix="parity-", delete=True) as f:
    f.write("temporary contents\n")
    f.flush()
    f.seek(0)
    print("named:", f.name, os.path.exists(f.name), f.read().strip())
print("still there after close:", os.path.exists(f.name))
with tempfile.TemporaryFile() as f:
    f.write(b"anonymous" * 10)
    f.seek(0)
    print("anonymous:", len(f.read()))
d = tempfile.mkdtemp(prefix="work-", dir="/tmp")
print("mkdtemp:", d, os.path.isdir(d))
fd, path = tempfile.mkstemp(suffix=".dat", dir=d)
os.write(fd, b"data")
os.close(fd)
print("mkstemp:", path, os.path.getsize(path))
with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
    for i in range(3):
        with open(os.path.join(tmp, f"f{i}"), "w") as f:
            f.write(str(i))
    print("tempdir:", tmp, sorted(os.listdir(tmp)))
print("still there after the block:", os.path.exists(tmp))
with tempfile.SpooledTemporaryFile(max_size=16) as sp:
    sp.write(b"small")
    print("spooled rolled over:", sp._rolled)
    sp.write(b"x" * 32)
    print("spooled rolled over:", sp._rolled, sp.tell())
print(sorted(os.listdir("/tmp")), sorted(os.listdir(d)))
