"""Reading stdin in pieces: os.read with small sizes, buffered read1/readline/peek, then the text layer; EOF handling."""
import os
import sys

first = os.read(0, 5)
second = os.read(0, 7)
print("os.read:", first, second)
buf = sys.stdin.buffer
print("readline:", buf.readline())
print("read(3):", buf.read(3), "read1:", buf.read1(10))
print("peek:", buf.peek(4)[:4], "then readline:", buf.readline())
text_lines = sys.stdin.readlines()
print("text lines:", len(text_lines), text_lines[:2], text_lines[-1:])
print("at EOF:", os.read(0, 10), buf.read(), sys.stdin.readline() == "")
