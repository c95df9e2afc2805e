"""Sorting: stability, multi-key sorts, reverse with stability, key functions over mixed data, locale-free collation, big sorts."""
import random

people = [("ana", 31, "Lisbon"), ("bob", 27, "Porto"), ("cid", 31, "Braga"), ("dee", 27, "Lisbon"), ("eve", 40, "Porto")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_city_then_age = sorted(sorted(people, key=lambda p: p[1]), key=lambda p: p[2])
print(by_city_then_age, by_city_then_age == sorted(people, key=lambda p: (p[2], p[1])))
words = ["banana", "Apple", "cherry", "apple", "Banana", "ápple", "Zebra", "zebra", "éclair", "eclair", "10", "9", "1_0"]
print(sorted(words), sorted(words, key=str.casefold), sorted(words, key=lambda w: (len(w), w)))
print(sorted([3, 1.5, 2, True, -0.0, 0, False]), sorted(["b", "a"], reverse=True), sorted("hello"), sorted({3: "c", 1: "a"}.items()))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2, 1], [1, 2, 3], [1, 2]]), min(words), max(words, key=len))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
nums = [float("nan"), 3.0, 1.0, float("nan"), 2.0]
print(sorted(nums), sorted(x for x in nums if x == x))
rng = random.Random(99)
big = [rng.randint(-10**6, 10**6) for _ in range(5000)]
ordered = sorted(big)
print(ordered[:5], ordered[-5:], all(a <= b for a, b in zip(ordered, ordered[1:])), sum(ordered) == sum(big))
strings = [f"item-{rng.randint(0, 99999):05d}" for _ in range(2000)]
strings.sort(key=lambda s: s[::-1])
print(strings[:3], strings[-3:])
records = [{"id": i, "score": rng.randint(0, 10)} for i in range(20)]
records.sort(key=lambda r: r["score"], reverse=True)
print([(r["score"], r["id"]) for r in records])
lst = [5, 2, 9]
lst.sort()
print(lst, list(reversed(lst)), sorted(range(10), key=lambda x: (x % 3, -x)))
