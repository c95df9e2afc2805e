"""An uncaught exception three frames deep: the interpreter prints the traceback (with carets) on stderr and exits 1."""
import sys


def parse_record(line):
    fields = line.split(",")
    return {"name": fields[0], "age": int(fields[1])}


def load(lines):
    return [parse_record(line) for line in lines]


print("loading records", flush=True)
records = load(["ana,31", "bob,27"])
print(records)
print("this line goes to stderr before the crash", file=sys.stderr)
load(["carl,forty"])
print("never printed")
