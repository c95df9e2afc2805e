"""Symbolic and hard links: create, read, resolve, dangling links, loops, lstat vs stat, links that try to leave the root."""
import os

os.makedirs("/out/links/real/dir")
with open("/out/links/real/file.txt", "w") as f:
    f.write("target content")
for target, link in [("real/file.txt", "rel-link"), ("real/dir", "dir-link"), ("/out/links/real/dir", "abs-dir-link"),
                     ("missing-target", "dangling"), ("loop-b", "loop-a"), ("loop-a", "loop-b")]:
    try:
        os.symlink(target, "/out/links/" + link)
        print("symlink", link, "->", target, "created")
    except OSError as e:
        print("symlink", link, "->", target, type(e).__name__, e.errno)
os.link("/out/links/real/file.txt", "/out/links/hard.txt")
print(sorted(os.listdir("/out/links")))
print(os.readlink("/out/links/rel-link"), os.readlink("/out/links/dir-link"), open("/out/links/rel-link").read())
print(os.path.islink("/out/links/rel-link"), os.path.islink("/out/links/hard.txt"), os.path.exists("/out/links/dangling"), os.path.lexists("/out/links/dangling"))
print(os.path.realpath("/out/links/rel-link"), os.path.isdir("/out/links/dir-link"), sorted(os.listdir("/out/links/dir-link/..")), os.stat("/out/links/hard.txt").st_nlink)
print(os.lstat("/out/links/rel-link").st_size, os.stat("/out/links/rel-link").st_size)
for label, attempt in [("open dangling", lambda: open("/out/links/dangling")), ("open loop", lambda: open("/out/links/loop-a")),
                       ("readlink on file", lambda: os.readlink("/out/links/hard.txt")), ("symlink exists", lambda: os.symlink("x", "/out/links/rel-link")),
                       ("link to dir", lambda: os.link("/out/links/real/dir", "/out/links/dir-hard"))]:
    try:
        attempt()
        print(label, "succeeded")
    except OSError as e:
        print(label, type(e).__name__, e.errno)
with open("/out/links/hard.txt", "a") as f:
    f.write(" + via hard link")
print(open("/out/links/real/file.txt").read())
os.remove("/out/links/real/file.txt")
print(open("/out/links/hard.txt").read(), os.stat("/out/links/hard.txt").st_nlink, os.path.exists("/out/links/rel-link"))
os.unlink("/out/links/dangling")
os.symlink("../../../../etc/passwd", "/out/links/escape")
try:
    print("escape:", open("/out/links/escape").read()[:20])
except OSError as e:
    print("escape:", type(e).__name__, e.errno)
print(sorted(os.listdir("/out/links")))
