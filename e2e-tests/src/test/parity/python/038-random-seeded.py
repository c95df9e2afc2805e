"""random with an explicit seed: the Mersenne Twister sequence is fixed, so this needs no deterministic mode."""
import random

rng = random.Random(20240101)
print([rng.random() for _ in range(3)])
print([rng.randint(1, 6) for _ in range(20)], rng.randrange(0, 1000, 7), rng.getrandbits(100))
items = list(range(20))
rng.shuffle(items)
print(items, rng.sample(range(100), 5), rng.choice("abcdef"), rng.choices("abc", weights=[10, 1, 1], k=10))
print(rng.uniform(1, 2), rng.gauss(0, 1), rng.normalvariate(10, 2), rng.expovariate(0.5), rng.betavariate(2, 5))
print(rng.triangular(0, 10, 3), rng.lognormvariate(0, 1), rng.vonmisesvariate(1, 1), rng.gammavariate(2, 2), rng.paretovariate(3), rng.weibullvariate(1, 2))
print(rng.binomialvariate(20, 0.3), rng.randbytes(8).hex())
state = rng.getstate()
first = [rng.random() for _ in range(3)]
rng.setstate(state)
print(first == [rng.random() for _ in range(3)])
for seed in [0, 1, "text seed", b"bytes seed", 2**100, -5, 3.5]:
    r = random.Random(seed)
    print(repr(seed), r.random(), r.randint(0, 10**9))
random.seed(42)
print(random.random(), random.sample(["a", "b", "c", "d"], 2))
counts = [0] * 10
r = random.Random(7)
for _ in range(10000):
    counts[r.randrange(10)] += 1
print(counts, sum(counts))
walk, pos = [], 0
for _ in range(50):
    pos += r.choice((-1, 1))
    walk.append(pos)
print(walk, min(walk), max(walk))
