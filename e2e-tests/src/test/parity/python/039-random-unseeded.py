"""Randomness from the host: unseeded random, os.urandom, secrets, SystemRandom, hash randomization of str.
Every value comes from random_get, so the output is reproducible only in deterministic mode (seeded random_get)."""
import os
import random
import secrets

print("random:", [random.random() for _ in range(3)], random.randint(1, 10**12))
print("urandom:", os.urandom(16).hex(), len(os.urandom(1000)))
print("secrets:", secrets.token_hex(8), secrets.token_urlsafe(12), secrets.randbelow(10**9), secrets.choice("abcdefgh"))
sysrand = random.SystemRandom()
print("SystemRandom:", sysrand.random(), sysrand.sample(range(1000), 4))
print("str hashes:", hash("parity"), hash(b"bytes"), hash("") == 0)
print("set order:", list({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}))
print("dict of sets:", [sorted(s) == list(s) for s in ({"x", "y", "z"}, {"q", "r"})])
r = random.Random()
print("Random():", r.random(), r.getrandbits(64))
try:
    print("getrandom:", os.getrandom(8).hex())
except AttributeError:
    print("no os.getrandom on this platform")
