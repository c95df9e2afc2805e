"""Structural pattern matching: literals, captures, sequences with stars, mappings, class patterns, guards, or-patterns."""
from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Circle:
    center: Point
    radius: float


def describe(value):
    match value:
        case None:
            return "nothing"
        case True | False as flag:
            return f"bool {flag}"
        case 0 | 0.0:
            return "zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float() as number:
            return f"number {number}"
        case "":
            return "empty string"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case str(s):
            return f"string of {len(s)}"
        case []:
            return "empty list"
        case [x]:
            return f"one element {x!r}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long sequence {first}..{last} ({len(middle)} in between)"
        case (a, b) | [a, b, _]:
            return f"pair-ish {a}, {b}"
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} with {sorted(rest)}"
        case {"type": kind}:
            return f"some {kind}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=x, y=y) if x == y:
            return f"diagonal point {x}"
        case Circle(Point(x, y), r) if r > 10:
            return f"big circle at ({x}, {y})"
        case Circle(center=c, radius=r):
            return f"circle r={r} at {c}"
        case _:
            return f"unmatched {type(value).__name__}"


samples = [None, True, 0, 0.0, -5, 7, 2.5, "", "123", "abc", [], [9], [1, 2, 3, 4, 5], (1, 2), [1, 2, 3],
           {"type": "user", "name": "ana", "age": 3, "admin": False}, {"type": "bot"}, {"kind": "x"},
           Point(0, 0), Point(2, 2), Point(1, 2), Circle(Point(0, 1), 20), Circle(Point(5, 5), 1), {1, 2}]
for s in samples:
    print(f"{s!r:>60} -> {describe(s)}")


def evaluate(expr):
    match expr:
        case ("+", left, right):
            return evaluate(left) + evaluate(right)
        case ("*", left, right):
            return evaluate(left) * evaluate(right)
        case ("neg", operand):
            return -evaluate(operand)
        case int(n):
            return n
        case other:
            raise ValueError(f"bad expression {other!r}")


print(evaluate(("+", 2, ("*", 3, ("neg", 4)))))
try:
    evaluate(("/", 1, 2))
except ValueError as e:
    print("ValueError:", e)
command = "go north quickly"
match command.split():
    case ["go", ("north" | "south") as direction, *modifiers]:
        print("going", direction, modifiers)
