"""pathlib on the guest file system: create trees, read and write text and bytes, glob, rename, stat sizes, unlink."""
from pathlib import Path, PurePosixPath, PureWindowsPath

root = Path("/out/pathlib")
root.mkdir(parents=True, exist_ok=True)
(root / "docs").mkdir()
(root / "docs" / "readme.txt").write_text("Read me.\nSecond line.\n", encoding="utf-8")
(root / "docs" / "notes.md").write_text("# Notes\n- ünïcode ✓\n", encoding="utf-8")
(root / "data.bin").write_bytes(bytes(range(256)) * 4)
(root / "src" / "pkg").mkdir(parents=True)
for name in ["a.py", "b.py", "c.txt"]:
    (root / "src" / "pkg" / name).write_text(f"# {name}\n")
print(sorted(str(p.relative_to(root)) for p in root.rglob("*")))
print(sorted(p.name for p in root.glob("**/*.py")), sorted(p.name for p in root.glob("*/*")))
readme = root / "docs" / "readme.txt"
print(readme.read_text().splitlines(), readme.stat().st_size, readme.suffix, readme.stem, readme.parent.name)
print(len((root / "data.bin").read_bytes()), (root / "docs" / "notes.md").read_text(encoding="utf-8"))
print(readme.exists(), readme.is_file(), readme.is_dir(), root.is_dir(), (root / "nope").exists(), readme.is_absolute())
moved = readme.rename(root / "docs" / "README")
print(moved, readme.exists(), moved.exists(), moved.read_text()[:8])
(root / "src" / "pkg" / "c.txt").unlink()
(root / "missing.txt").unlink(missing_ok=True)
try:
    (root / "missing.txt").unlink()
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
try:
    (root / "docs").rmdir()
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
with (root / "log.txt").open("a", encoding="utf-8") as f:
    for i in range(3):
        f.write(f"entry {i}\n")
with (root / "log.txt").open("a", encoding="utf-8") as f:
    f.write("appended\n")
print((root / "log.txt").read_text().splitlines())
print(sorted((str(p.relative_to(root)), p.stat().st_size) for p in root.rglob("*") if p.is_file()))
p = PurePosixPath("/usr/lib/python3.12/site-packages/pkg/__init__.py")
print(p.parts, p.parents[2], p.suffixes, p.with_suffix(".pyc"), p.with_name("x.txt"), p.with_stem("main"), p.match("**/pkg/*.py"))
print(PurePosixPath("a/b/../c/./d"), PurePosixPath("/a") / "b" / "/c", PurePosixPath("a/b").relative_to("a"), PurePosixPath("a//b/"))
w = PureWindowsPath(r"C:\Users\Ana\file.TXT")
print(w.drive, w.root, w.parts, w.suffix, w.as_posix(), w.is_absolute())
print(Path.cwd(), Path("relative.txt").resolve(), Path("/out/./pathlib/../pathlib/docs").resolve())
Path("relative-from-cwd.txt").write_text("cwd is /\n")
print(Path("/relative-from-cwd.txt").read_text(), sorted(x.name for x in Path("/").iterdir() if x.name != "main.py"))
