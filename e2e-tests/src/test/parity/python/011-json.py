"""json: round trips, formatting options, special floats, unicode escaping, custom encoders and hooks."""
import json
from collections import OrderedDict
from decimal import Decimal

doc = {"name": "parity", "n": 42, "pi": 3.141592653589793, "ok": True, "none": None,
       "list": [1, 2.5, "three", [4, {"five": 5}]], "unicode": "héllo wörld ✓ \U0001F40D",
       "escapes": "quote\" backslash\\ newline\n tab\t nul\x00", "big": 2**80, "neg": -0.0, "exp": 1e-7}
compact = json.dumps(doc)
print(compact)
print(json.dumps(doc, ensure_ascii=False, sort_keys=True))
print(json.dumps(doc, indent=2, separators=(",", ": "))[:300])
print(json.dumps(doc, indent="\t", sort_keys=True).count("\n"))
print(json.loads(compact) == doc, json.loads(compact)["unicode"])
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
print(json.loads("[NaN, Infinity, -Infinity, 1E400]"), json.loads('"\\ud83d\\ude00"'), json.loads('"\\u00e9"'))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "null key"}))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps((1, 2)), json.dumps("\u2028\u2029"))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"x": 1, "y": 2}', object_pairs_hook=OrderedDict))
print(json.loads("1.10", parse_float=Decimal), json.loads("12345678901234567890"), json.loads("1.5e3"))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)


def decode_point(d):
    return Point(*d["__point__"]) if "__point__" in d else d


text = json.dumps({"p": Point(1, 2), "s": {3, 1, 2}}, cls=PointEncoder)
print(text)
back = json.loads(text, object_hook=decode_point)
print(type(back["p"]).__name__, back["p"].x, back["p"].y, back["s"])
try:
    json.dumps({"x": object()})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"x": complex(1, 2)}, default=str), json.dumps([1, [2, [3]]], indent=0))
enc = json.JSONEncoder(separators=(",", ":"))
print("".join(enc.iterencode({"stream": list(range(5))})))
