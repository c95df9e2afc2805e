"""configparser: read INI text and files, interpolation (basic and extended), typed getters, defaults, write back, errors."""
import configparser
import io
import os

text = """
[DEFAULT]
base_dir = /srv/app
debug = no

[server]
host = 0.0.0.0
port = 8080
log_dir = %(base_dir)s/logs
timeout = 2.5

[database]
url = sqlite:///%(base_dir)s/db.sqlite
pool = 5
debug = yes
multi = first line
    second line
    third line

[empty section]
"""
cp = configparser.ConfigParser()
cp.read_string(text)
print(cp.sections(), cp.defaults(), cp.has_option("server", "base_dir"))
print(cp["server"]["log_dir"], cp.getint("server", "port"), cp.getfloat("server", "timeout"), cp.getboolean("database", "debug"), cp.getboolean("server", "debug"))
print(repr(cp["database"]["multi"]), cp.get("database", "url"), cp.get("server", "missing", fallback="fb"), cp["server"].get("port"))
print(cp.get("server", "log_dir", raw=True), cp.get("server", "log_dir", vars={"base_dir": "/override"}), dict(cp["server"]))
cp["new"] = {"key": "value", "percent": "100%%"}
cp.set("server", "port", "9090")
cp.remove_option("database", "pool")
out = io.StringIO()
cp.write(out)
print(out.getvalue())
os.makedirs("/out/config", exist_ok=True)
with open("/out/config/app.ini", "w") as f:
    cp.write(f, space_around_delimiters=False)
again = configparser.ConfigParser()
print(again.read(["/out/config/app.ini", "/out/config/missing.ini"]), again["new"]["percent"], again.getint("server", "port"))
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[paths]\nroot = /data\nraw = ${root}/raw\n[job]\ninput = ${paths:raw}/in.csv\n")
print(ext["job"]["input"])
for bad in ["[s]\nkey = %(missing)s\n", "no section header\n", "[s]\na = 1\na = 2\n", "[s]\n[s]\n"]:
    try:
        c = configparser.ConfigParser()
        c.read_string(bad)
        print(c["s"]["key"])
    except configparser.Error as e:
        print(type(e).__name__, str(e).splitlines()[0])
try:
    cp.getint("server", "host")
except ValueError as e:
    print("ValueError:", e)
