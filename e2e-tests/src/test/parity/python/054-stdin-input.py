"""input() with prompts until EOFError: a tiny calculator reading expressions from stdin.
Where the prompt goes depends on whether stdin/stdout are terminals (CPython writes it to stderr for a tty)."""
import sys

print("stdin is a tty:", sys.stdin.isatty(), "stdout is a tty:", sys.stdout.isatty(), file=sys.stderr)
total = 0
count = 0
while True:
    try:
        line = input(f"[{count}]> ")
    except EOFError:
        print("\nEOF after", count, "expressions")
        break
    count += 1
    try:
        a, op, b = line.split()
        value = {"+": float.__add__, "-": float.__sub__, "*": float.__mul__, "/": float.__truediv__}[op](float(a), float(b))
        total += value
        print(f"{line} = {value:g}")
    except (ValueError, KeyError, ZeroDivisionError) as e:
        print(f"error in {line!r}: {type(e).__name__}")
print("running total:", total)
