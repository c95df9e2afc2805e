"""Directories with os: makedirs, listdir, scandir, walk (sorted), rmdir/removedirs, renames across directories."""
import os

base = "/out/tree"
for sub in ["a/b/c", "a/d", "e", "f/g/h/i"]:
    os.makedirs(os.path.join(base, sub))
for rel in ["a/one.txt", "a/b/two.txt", "a/b/c/three.txt", "e/four.log", "f/g/five.txt", "top.txt"]:
    with open(os.path.join(base, rel), "w") as f:
        f.write(rel * 3)
print(sorted(os.listdir(base)))
for dirpath, dirnames, filenames in os.walk(base):
    dirnames.sort()
    print(dirpath, sorted(dirnames), sorted(filenames))
print("bottom-up:", [os.path.relpath(d, base) for d, dn, fn in sorted(os.walk(base, topdown=False))])
with os.scandir(os.path.join(base, "a")) as it:
    entries = sorted(it, key=lambda e: e.name)
print([(e.name, e.is_dir(), e.is_file(), e.stat().st_size if e.is_file() else None) for e in entries])
try:
    os.makedirs(os.path.join(base, "a/b"))
except FileExistsError as e:
    print("FileExistsError:", e.errno)
os.makedirs(os.path.join(base, "a/b"), exist_ok=True)
try:
    os.rmdir(os.path.join(base, "a"))
except OSError as e:
    print("rmdir non-empty:", type(e).__name__, e.errno)
os.rename(os.path.join(base, "a/b/c/three.txt"), os.path.join(base, "e/three.txt"))
os.rename(os.path.join(base, "f/g"), os.path.join(base, "e/g-moved"))
os.removedirs(os.path.join(base, "a/b/c"))
print(sorted(os.listdir(os.path.join(base, "a/b"))), sorted(os.listdir(os.path.join(base, "e"))), os.path.exists(os.path.join(base, "f")))
os.replace(os.path.join(base, "top.txt"), os.path.join(base, "e/four.log"))
print(open(os.path.join(base, "e/four.log")).read())
try:
    os.rename(os.path.join(base, "e"), os.path.join(base, "e/inside"))
except OSError as e:
    print("rename into itself:", type(e).__name__, e.errno)
try:
    os.rename(os.path.join(base, "a"), os.path.join(base, "e/three.txt"))
except OSError as e:
    print("dir over file:", type(e).__name__, e.errno)
os.chdir(os.path.join(base, "e"))
print(os.getcwd(), sorted(os.listdir(".")), os.path.abspath("g-moved"), open("three.txt").read()[:5])
os.chdir("/")
tree = {}
for dirpath, dirnames, filenames in os.walk(base):
    tree[os.path.relpath(dirpath, base)] = sorted(filenames)
print(sorted(tree.items()))
print(os.path.join("a", "b", "/c"), os.path.split("/x/y/z.txt"), os.path.splitext("archive.tar.gz"),
      os.path.normpath("/a//b/./c/../d"), os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.basename("/x/"), os.path.dirname("/x/y"))
