"""OS errors and their errno values: missing files, wrong types, existing targets, invalid arguments, escaping the root."""
import errno
import os

os.makedirs("/out/errs/dir", exist_ok=True)
with open("/out/errs/file.txt", "w") as f:
    f.write("x")
attempts = [
    ("open missing", lambda: open("/out/errs/missing.txt")),
    ("open dir for write", lambda: open("/out/errs/dir", "w")),
    ("open dir for read", lambda: open("/out/errs/dir").read()),
    ("listdir a file", lambda: os.listdir("/out/errs/file.txt")),
    ("file as dir", lambda: open("/out/errs/file.txt/child")),
    ("mkdir existing", lambda: os.mkdir("/out/errs/dir")),
    ("mkdir missing parent", lambda: os.mkdir("/out/errs/no/such")),
    ("rmdir a file", lambda: os.rmdir("/out/errs/file.txt")),
    ("unlink a dir", lambda: os.unlink("/out/errs/dir")),
    ("rename missing", lambda: os.rename("/out/errs/ghost", "/out/errs/ghost2")),
    ("chdir to file", lambda: os.chdir("/out/errs/file.txt")),
    ("stat missing", lambda: os.stat("/out/errs/nothing")),
    ("parent of root", lambda: os.listdir("/..")),
    ("empty path", lambda: open("")),
    ("nul in path", lambda: open("/out/errs/a\0b")),
    ("exclusive create", lambda: open("/out/errs/file.txt", "x")),
]
for label, attempt in attempts:
    try:
        result = attempt()
        print(f"{label}: succeeded -> {result!r}"[:90])
    except OSError as e:
        print(f"{label}: {type(e).__name__} errno={e.errno} ({errno.errorcode.get(e.errno, '?')}) {e.strerror}")
    except ValueError as e:
        print(f"{label}: ValueError {e}")
print(errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.ENOTEMPTY, errno.EBADF, errno.EINVAL, errno.ENOTCAPABLE)
print(sorted(errno.errorcode)[:10], len(errno.errorcode))
for code in [errno.ENOENT, errno.EACCES, errno.EPERM, errno.ENOSYS, errno.ENOTSUP]:
    print(code, os.strerror(code))
print(issubclass(FileNotFoundError, OSError), OSError(errno.ENOENT, "msg").__class__.__name__, IOError is OSError)
