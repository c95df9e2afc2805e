"""What the interpreter reports about its platform: sys and os attributes, platform module, os functions WASI lacks."""
import os
import platform
import sys

print(sys.platform, sys.byteorder, sys.maxsize, sys.maxunicode, sys.implementation.name, sys.implementation.cache_tag)
print(sys.version_info[:3], sys.hexversion >= 0x030C0000, sys.api_version, sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors, sys.stdin.encoding, sys.stdout.line_buffering == sys.stdout.isatty())
print(sys.thread_info, sys.getswitchinterval(), sys.float_info.mant_dig, sys.hash_info.algorithm, sys.hash_info.width)
print(sorted(sys.builtin_module_names)[:12], len(sys.builtin_module_names) > 20)
print(sys.argv, sys.path[:1], sys.executable, sys.dont_write_bytecode, sys.flags.optimize, sys.getsizeof(0), sys.getsizeof([]))
print(os.name, os.sep, os.pathsep, os.linesep == "\n", os.curdir, os.devnull, os.cpu_count())
print(platform.system(), platform.machine(), platform.python_implementation(), platform.python_version(), platform.architecture())
for name in ["getpid", "getppid", "getuid", "getlogin", "uname", "fork", "kill", "getloadavg", "chmod", "umask", "nice", "sync", "pipe", "dup", "dup2", "times", "getcwd", "get_terminal_size", "sysconf"]:
    func = getattr(os, name, None)
    if func is None:
        print(f"os.{name}: missing")
        continue
    try:
        args = {"kill": (0, 0), "dup": (1,), "dup2": (1, 50), "nice": (0,), "chmod": ("/main.py", 0o644), "umask": (0o22,), "sysconf": ("SC_PAGESIZE",)}.get(name, ())
        result = func(*args)
        shown = type(result).__name__ if name in ("getpid", "getppid", "times", "uname") else result
        print(f"os.{name}: ok -> {shown}")
    except OSError as e:
        print(f"os.{name}: {type(e).__name__} errno={e.errno}")
print(os.isatty(0) == sys.stdin.isatty(), os.get_blocking(1) in (True, False))
