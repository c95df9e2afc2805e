"""The environment: empty at start; os.environ edits, putenv/getenv, os.environb, expanding variables, and what empty means for paths."""
import os
import sys

print("initial environ:", dict(os.environ), len(os.environ), os.environb)
print("getenv:", os.getenv("HOME"), os.getenv("HOME", "default-home"), os.environ.get("PATH", "<no PATH>"))
os.environ["GREETING"] = "hello ünïcode"
os.environ["EMPTY"] = ""
os.environ.setdefault("LANG", "C.UTF-8")
print(sorted(os.environ.items()), os.environ.copy() == dict(os.environ))
print(os.path.expandvars("$GREETING and ${LANG} and $UNDEFINED"), os.path.expanduser("~/file"), os.path.expanduser("~user"))
del os.environ["EMPTY"]
print("EMPTY" in os.environ, os.environ.pop("LANG"), sorted(os.environ))
try:
    os.environ["BAD=NAME"] = "x"
except ValueError as e:
    print("ValueError:", e)
try:
    os.environ["NUL"] = "a\0b"
except ValueError as e:
    print("ValueError:", e)
print("sys.flags.ignore_environment:", sys.flags.ignore_environment, "path config:", sys.prefix, sys.exec_prefix, sys.path[0])
print("home-less paths:", os.path.expanduser("~"), os.get_exec_path())
os.environ.clear()
print("after clear:", dict(os.environ))
