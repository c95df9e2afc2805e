"""Everything os.stat reports, inode numbers, device, link counts and the times of files just created: these come from
the host (real inodes and clock), so the output is reproducible only in deterministic mode (same inodes and timestamps)."""
import os
import stat

os.makedirs("/out/stat/dir")
with open("/out/stat/file.txt", "w") as f:
    f.write("hello")
os.link("/out/stat/file.txt", "/out/stat/hardlink.txt")
for path in ["/", "/main.py", "/out/stat", "/out/stat/dir", "/out/stat/file.txt", "/out/stat/hardlink.txt"]:
    st = os.stat(path)
    print(path, oct(st.st_mode), stat.filemode(st.st_mode), st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, st.st_size,
          st.st_atime_ns, st.st_mtime_ns, st.st_ctime_ns)
print(os.stat("/out/stat/file.txt").st_ino == os.stat("/out/stat/hardlink.txt").st_ino, os.path.samefile("/out/stat/file.txt", "/out/stat/hardlink.txt"))
with os.scandir("/out/stat") as it:
    print(sorted((e.name, e.inode()) for e in it))
print(os.lstat("/out/stat/file.txt").st_nlink, os.fstat(1).st_mode, stat.S_ISCHR(os.fstat(1).st_mode), os.fstat(0).st_ino)
