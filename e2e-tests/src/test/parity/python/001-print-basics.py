"""print(): separators, line ends, flushing, reprs of built-in values, and f-string forms."""
import sys

print("hello", "parity", sep=", ", end="!\n")
print(*range(5), sep=" | ")
print("no newline", end="")
print(" ... continued", flush=True)
print()
values = [None, True, False, 0, -1, 2**70, 1.5, -0.0, float("inf"), 1e-300, 3 + 4j,
          "text", b"bytes\x00\xff", bytearray(b"ba"), (1,), [1, [2, [3]]], {"k": [1, 2]},
          range(2, 9, 3), slice(1, None, 2), frozenset(), Ellipsis, NotImplemented]
for v in values:
    print(f"{type(v).__name__:>10}: repr={v!r} str={v!s} ascii={ascii(v)}")
name, width = "wasi", 12
print(f"[{name:^{width}}] [{name:<{width}}] [{name:>{width}}] [{name:*^{width}}]")
print(f"{name=} {width=!r} {width * 2 = }")
print(f"{'nested ' + f'{width:#x}'}")
print("tab\tand\\backslash", 'quote"s', "it's")
sys.stdout.write("written directly\n")
print("to stderr", file=sys.stderr)
print(repr("\u00e9\n\t\x7f\u200b"), ascii("\u00e9\u4e2d\U0001F600"))
