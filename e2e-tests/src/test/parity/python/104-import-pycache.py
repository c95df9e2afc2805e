"""Importing with bytecode caching on: CPython writes __pycache__/*.pyc whose header holds the source's mtime and size.
The .pyc bytes therefore depend on file timestamps: reproducible only in deterministic mode (fixed timestamps)."""
import importlib
import importlib.util
import os
import sys

os.makedirs("/out/cached", exist_ok=True)
with open("/out/cached/fastmod.py", "w") as f:
    f.write("def triple(x):\n    return 3 * x\nNAMES = ['a', 'b']\n")
sys.path.insert(0, "/out/cached")
import fastmod

print(fastmod.triple(14), fastmod.__cached__)
pyc = os.path.join("/out/cached/__pycache__", sorted(os.listdir("/out/cached/__pycache__"))[0])
data = open(pyc, "rb").read()
print(os.path.basename(pyc), len(data), data[:4] == importlib.util.MAGIC_NUMBER, int.from_bytes(data[4:8], "little"),
      int.from_bytes(data[8:12], "little"), int.from_bytes(data[12:16], "little"))
print("source mtime:", int(os.stat("/out/cached/fastmod.py").st_mtime) & 0xFFFFFFFF)
del sys.modules["fastmod"]
import fastmod as again

print(again.triple(5), again.NAMES)
