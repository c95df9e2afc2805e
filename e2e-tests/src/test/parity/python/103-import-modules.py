"""Importing code the program writes itself: a package on sys.path, relative imports, reload after editing, importlib
helpers and import errors. Bytecode caching is off here, so no .pyc files are written."""
import importlib
import importlib.util
import os
import sys

sys.dont_write_bytecode = True
os.makedirs("/out/lib/shapes", exist_ok=True)
files = {
    "/out/lib/shapes/__init__.py": "from .circle import Circle\nfrom .square import Square\n__all__ = ['Circle', 'Square']\nVERSION = '1.0'\n",
    "/out/lib/shapes/circle.py": "import math\nclass Circle:\n    def __init__(self, r): self.r = r\n    def area(self): return math.pi * self.r ** 2\n",
    "/out/lib/shapes/square.py": "from ._base import describe\nclass Square:\n    def __init__(self, s): self.s = s\n    def area(self): return self.s ** 2\n    def __str__(self): return describe(self)\n",
    "/out/lib/shapes/_base.py": "def describe(shape): return f'{type(shape).__name__} with area {shape.area()}'\n",
    "/out/lib/config.py": "SETTING = 'first'\n",
}
for path, text in files.items():
    with open(path, "w") as f:
        f.write(text)
sys.path.insert(0, "/out/lib")
import config
import shapes

print(shapes.VERSION, shapes.__all__, round(shapes.Circle(2).area(), 6), str(shapes.Square(3)), shapes.__file__, shapes.__package__)
print(config.SETTING, sorted(name for name in sys.modules if name.startswith("shapes")))
with open("/out/lib/config.py", "w") as f:
    f.write("SETTING = 'second, after reload'\nEXTRA = 42\n")
importlib.invalidate_caches()
config = importlib.reload(config)
print(config.SETTING, config.EXTRA)
circle = importlib.import_module(".circle", "shapes")
print(circle.Circle.__module__, importlib.util.find_spec("shapes.square").origin, importlib.util.find_spec("nonexistent"))
try:
    import shapes.hexagon
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
with open("/out/lib/broken.py", "w") as f:
    f.write("def oops(:\n    pass\n")
importlib.invalidate_caches()  # the directory listing is cached; a frozen clock may leave its mtime unchanged
try:
    import broken
except SyntaxError as e:
    print("SyntaxError:", e.filename, e.lineno)
spec = importlib.util.spec_from_loader("dynamic", loader=None)
dynamic = importlib.util.module_from_spec(spec)
exec("value = 6 * 7", dynamic.__dict__)
print(dynamic.value, dynamic.__name__)
print(sorted(os.listdir("/out/lib/shapes")))
