"""tomllib: parse a TOML document with every value type, nested and array tables, dates; report decode errors."""
import tomllib

doc = '''
title = "Parity ✓"
version = 3
ratio = 0.75
huge = 1_000_000
hex = 0xDEAD_BEEF
oct = 0o755
bin = 0b1101
inf = inf
enabled = true
literal = 'C:\\Users\\no escapes'
multiline = """
first
second \
continued"""
date = 2024-01-15
datetime = 2024-01-15T10:30:00+02:00
local_time = 07:32:00.5
list = [1, 2, 3, ]
mixed = [[1, 2], ["a", "b"], {x = 1}]

[server]
host = "localhost"
ports = [8000, 8001]

[server.tls]
enabled = false

[[plugins]]
name = "alpha"
options = { level = 1, tags = ["x", "y"] }

[[plugins]]
name = "beta"

[a.b.c]
"quoted key" = "value"
'''
data = tomllib.loads(doc)
for key, value in data.items():
    print(f"{key:>11}: {type(value).__name__:<9} {value!r}")
print(data["server"]["tls"], [p["name"] for p in data["plugins"]], data["a"]["b"]["c"]["quoted key"], data["datetime"].utcoffset())
with open("/config.toml", "wb") as f:
    f.write(b'[tool]\nname = "from a file"\nvalues = [1.5, 2.5]\n')
with open("/config.toml", "rb") as f:
    print(tomllib.load(f))
print(tomllib.loads("x = 1.10", parse_float=lambda s: f"decimal:{s}"))
for bad in ['a = 1\na = 2', 'key = "unterminated', "[table]\n[table]", "x = 1979-13-01", "= 1", "x = [1,,2]"]:
    try:
        tomllib.loads(bad)
    except tomllib.TOMLDecodeError as e:
        print(repr(bad), "TOMLDecodeError:", e)
