"""shutil: copy files and trees, move, rmtree with error handling, make and unpack archives, which, disk usage."""
import os
import shutil

src = "/out/shutil/src"
for rel, text in {"a.txt": "alpha\n", "sub/b.txt": "beta\n" * 100, "sub/deeper/c.py": "print('c')\n", "sub/skip.tmp": "temporary"}.items():
    os.makedirs(os.path.dirname(os.path.join(src, rel)), exist_ok=True)
    with open(os.path.join(src, rel), "w") as f:
        f.write(text)
print(shutil.copy(os.path.join(src, "a.txt"), "/out/shutil/a-copy.txt"), shutil.copyfile(os.path.join(src, "a.txt"), "/out/shutil/a2.txt"))
shutil.copytree(src, "/out/shutil/dst", ignore=shutil.ignore_patterns("*.tmp"))


def listing(root):
    return sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)


print(listing("/out/shutil/dst"))
shutil.copytree(src, "/out/shutil/dst", dirs_exist_ok=True)
print(listing("/out/shutil/dst"))
try:
    shutil.copytree(src, "/out/shutil/dst")
except FileExistsError as e:
    print("FileExistsError:", e.errno)
print(shutil.move("/out/shutil/a2.txt", "/out/shutil/dst/sub/"), shutil.move("/out/shutil/dst/sub/deeper", "/out/shutil/moved-deeper"))
print(listing("/out/shutil/dst"), listing("/out/shutil/moved-deeper"))
with open("/out/shutil/dst/sub/b.txt", "rb") as fsrc, open("/out/shutil/stream-copy.txt", "wb") as fdst:
    shutil.copyfileobj(fsrc, fdst, length=64)
print(os.path.getsize("/out/shutil/stream-copy.txt"))
try:
    shutil.copyfile("/out/shutil/a-copy.txt", "/out/shutil/a-copy.txt")
except shutil.SameFileError as e:
    print("SameFileError")
# Fixed timestamps everywhere, so the zip's entry dates (and so its bytes) do not depend on the clock.
for dirpath, dirnames, filenames in os.walk(src):
    for name in dirnames + filenames:
        os.utime(os.path.join(dirpath, name), (1000000000, 1000000000))
archive = shutil.make_archive("/out/shutil/bundle", "zip", root_dir=src)
print(archive, sorted(n for n in __import__("zipfile").ZipFile(archive).namelist()))
shutil.unpack_archive(archive, "/out/shutil/unpacked")
print(listing("/out/shutil/unpacked"))
print(sorted(name for name, desc in shutil.get_archive_formats()), sorted(shutil.get_unpack_formats()[0][1]))
errors = []
shutil.rmtree("/out/shutil/does-not-exist", onexc=lambda fn, path, exc: errors.append((fn.__name__, type(exc).__name__)))
print(errors)
shutil.rmtree("/out/shutil/dst")
print(os.path.exists("/out/shutil/dst"), sorted(os.listdir("/out/shutil")))
print(shutil.which("python"), shutil.get_terminal_size((80, 24)))
try:
    print(shutil.disk_usage("/"))
except (OSError, AttributeError) as e:
    print("disk_usage:", type(e).__name__)
