"""pickle: every protocol over nested data, custom reduce/getstate, shared and recursive references, errors; pickles go to files."""
import io
import os
import pickle
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction


@dataclass
class Account:
    owner: str
    balance: Decimal
    history: list


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
        self._cache = {"f": celsius * 9 / 5 + 32}

    def __getstate__(self):
        return {"celsius": self.celsius}

    def __setstate__(self, state):
        self.__init__(state["celsius"])

    def __repr__(self):
        return f"Temperature({self.celsius}, cache={self._cache})"


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __reduce__(self):
        return (Point, (self.x, self.y))

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


shared = [1, 2, 3]
data = {"ints": [0, -1, 2**100], "floats": [1.5, float("inf")], "text": "ünïcode ✓", "bytes": b"\x00\xff",
        "tuple": (1, (2, (3,))), "frozen": frozenset({1, 2, 3}), "none": None, "shared": [shared, shared],
        "account": Account("ana", Decimal("10.50"), [date(2024, 1, 1)]), "temp": Temperature(21.5), "point": Point(1, 2),
        "fraction": Fraction(1, 3), "complex": 1 + 2j, "range": range(0, 10, 2), "bytearray": bytearray(b"ba")}
os.makedirs("/out/pickle", exist_ok=True)
for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    blob = pickle.dumps(data, protocol=protocol)
    with open(f"/out/pickle/data-p{protocol}.pkl", "wb") as f:
        f.write(blob)
    back = pickle.loads(blob)
    print(protocol, len(blob), back["shared"][0] is back["shared"][1], back["account"] == data["account"], back["point"] == data["point"], back["temp"])
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
recursive = {"name": "loop"}
recursive["self"] = recursive
back = pickle.loads(pickle.dumps(recursive))
print(back["self"] is back, back["name"])
buffer = io.BytesIO()
pickler = pickle.Pickler(buffer, protocol=4)
for item in ["first", [2], {"third": 3}]:
    pickler.dump(item)
buffer.seek(0)
unpickler = pickle.Unpickler(buffer)
print([unpickler.load() for _ in range(3)])
for bad in [lambda: pickle.dumps(lambda: 1), lambda: pickle.loads(b"garbage"), lambda: pickle.loads(pickle.dumps([1, 2])[:-3])]:
    try:
        bad()
    except (pickle.PicklingError, pickle.UnpicklingError, AttributeError, EOFError) as e:
        print(type(e).__name__, str(e)[:70])
import pickletools

print(len(list(pickletools.genops(pickle.dumps((1, "a", None), protocol=2)))), pickletools.optimize(pickle.dumps([1, 1], 2))[:4])
