"""itertools: infinite iterators, combinatorics, grouping, slicing, accumulate, pairwise, batching recipes."""
import itertools as it
import operator

print(list(it.islice(it.count(10, 2.5), 5)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.accumulate([1, 2, 3, 4, 5])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(it.chain("ab", [1, 2], ())), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(str.isdigit, "a1b2")))
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry", "kiwi", "cranberry"], key=lambda s: s[0])
for key, group in it.groupby(data, key=lambda s: s[0]):
    print(key, list(group))
print([(k, len(list(g))) for k, g in it.groupby("aaabccddddde")])
print(list(it.islice(range(100), 10, 30, 7)), list(it.starmap(pow, [(2, 5), (3, 2)])), list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")))
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b), list(it.pairwise("ABCD")))
print(list(it.product("ab", repeat=2)), len(list(it.product(range(4), "xyz", [True, False]))))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(6)))))
print(list(it.combinations("abcd", 3)), list(it.combinations_with_replacement("ab", 3)))
print(sum(1 for _ in it.combinations(range(20), 5)), next(it.islice(it.permutations(range(10)), 100000, None)))


def batched(iterable, n):
    iterator = iter(iterable)
    while batch := tuple(it.islice(iterator, n)):
        yield batch


print(list(batched(range(10), 3)), list(it.batched("abcdefg", 3)))


def powerset(s):
    s = list(s)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))


print(list(powerset([1, 2, 3])))
primes = (n for n in it.count(2) if all(n % p for p in range(2, int(n**0.5) + 1)))
print(list(it.islice(primes, 25)))
print(list(it.islice(it.accumulate(it.repeat(1)), 5)), dict(zip(it.count(), "abc")))
