"""sys.argv as given by the host: arguments with spaces, unicode, empty strings and option-looking words."""
import sys

print("argc:", len(sys.argv))
for i, arg in enumerate(sys.argv):
    print(f"argv[{i}] = {arg!r} (len {len(arg)}, utf-8 bytes {len(arg.encode())})")
print("orig_argv tail:", sys.orig_argv[1:])
print("executable is a str:", isinstance(sys.executable, str))
words = [a for a in sys.argv[1:] if a and not a.startswith("-")]
options = [a for a in sys.argv[1:] if a.startswith("-")]
print("words:", words)
print("options:", options)
print("sorted by length:", sorted(sys.argv[1:], key=lambda s: (len(s), s)))
print("joined:", "|".join(sys.argv[1:]))
