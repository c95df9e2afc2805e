"""json decoding errors: positions, line/column reporting, raw_decode, and deep nesting limits."""
import json

bad_inputs = ['{"a": 1,}', "[1, 2", '{"a" 1}', "tru", '"unterminated', "[1]x", "", "{'single': 1}",
              '{"a":\n  [1,\n   2,,]}', '"bad \\x escape"', "01", "[-]", '"\x01 control"', "\ufeff[1]"]
for text in bad_inputs:
    try:
        print(repr(text), "->", json.loads(text))
    except json.JSONDecodeError as e:
        print(f"{text!r}: {e.msg} at line {e.lineno} col {e.colno} (pos {e.pos})")
print(json.loads('"\x01"', strict=False) == "\x01")
decoder = json.JSONDecoder()
stream = '{"a": 1} {"b": [2, 3]}   [4]'
pos = 0
while pos < len(stream):
    while stream[pos].isspace():
        pos += 1
    obj, end = decoder.raw_decode(stream, pos)
    print("object", obj, "ends at", end)
    pos = end
depth = 50000
nested = "[" * depth + "]" * depth
try:
    json.loads(nested)
    print("parsed deep nesting")
except RecursionError as e:
    print("RecursionError:", e)
shallow = "[" * 200 + "]" * 200
value = json.loads(shallow)
d = 0
while value:
    value = value[0]
    d += 1
print("parsed depth", d + 1)
deep_list = []
cursor = deep_list
for _ in range(20000):
    cursor.append([])
    cursor = cursor[0]
try:
    json.dumps(deep_list)
except RecursionError as e:
    print("dumps RecursionError:", e)
circular = []
circular.append(circular)
try:
    json.dumps(circular)
except ValueError as e:
    print("ValueError:", e)
