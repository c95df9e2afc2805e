"""Text on stdin, read line by line: word frequencies, longest line, a CSV-ish section, and the bytes count."""
import collections
import sys

lines = []
for line in sys.stdin:
    lines.append(line.rstrip("\n"))
print("lines:", len(lines), "chars:", sum(len(l) + 1 for l in lines))
words = collections.Counter(w.strip(".,;:!?\"'()").lower() for l in lines for w in l.split())
words.pop("", None)
print("top words:", words.most_common(8))
print("longest line:", max(lines, key=len))
print("blank lines:", sum(1 for l in lines if not l.strip()))
table = [l.split(";") for l in lines if l.count(";") == 2]
print("table rows:", table)
print("numbers sum:", sum(int(c) for row in table for c in row if c.strip().lstrip("-").isdigit()))
print("non-ascii lines:", [l for l in lines if not l.isascii()])
print("stdin at EOF:", repr(sys.stdin.read()), sys.stdin.encoding, sys.stdin.closed)
