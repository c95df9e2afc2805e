"""hashlib and hmac: every available algorithm over fixed inputs, incremental updates, copies, pbkdf2, scrypt, blake2 keys."""
import hashlib
import hmac

data = b"The quick brown fox jumps over the lazy dog"
print(sorted(hashlib.algorithms_guaranteed))
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, data)
    digest = h.hexdigest(32) if name.startswith("shake") else h.hexdigest()
    print(f"{name:>10} block={h.block_size:>3} size={h.digest_size:>2} {digest}")
h = hashlib.sha256()
for chunk in [data[:10], data[10:25], data[25:]]:
    h.update(chunk)
snapshot = h.copy()
h.update(b"!")
print(snapshot.hexdigest() == hashlib.sha256(data).hexdigest(), h.hexdigest())
print(hashlib.sha256(b"").hexdigest(), hashlib.md5(b"a" * 100000).hexdigest())
big = bytes(range(256)) * 1024
print(hashlib.sha1(big).hexdigest(), hashlib.sha3_512(big).hexdigest()[:32], hashlib.blake2s(big).hexdigest())
print(hashlib.blake2b(data, digest_size=16, key=b"secret", salt=b"salty", person=b"me").hexdigest())
print("pbkdf2_hmac in this build:", hasattr(hashlib, "pbkdf2_hmac"))


def pbkdf2_sha256(password, salt, iterations, dklen):
    out = b""
    block = 1
    while len(out) < dklen:
        u = hmac.digest(password, salt + block.to_bytes(4, "big"), "sha256")
        acc = int.from_bytes(u, "big")
        for _ in range(iterations - 1):
            u = hmac.digest(password, u, "sha256")
            acc ^= int.from_bytes(u, "big")
        out += acc.to_bytes(32, "big")
        block += 1
    return out[:dklen]


print(pbkdf2_sha256(b"password", b"salt", 100, 40).hex())
try:
    print(hashlib.scrypt(b"password", salt=b"NaCl", n=1024, r=8, p=16, dklen=32).hex())
except (AttributeError, ValueError) as e:
    print("scrypt unavailable:", type(e).__name__)
mac = hmac.new(b"key", data, "sha256")
print(mac.hexdigest(), hmac.compare_digest(mac.digest(), hmac.digest(b"key", data, "sha256")), mac.name, mac.digest_size)
print(hashlib.file_digest(__import__("io").BytesIO(big), "sha256").hexdigest())
try:
    hashlib.new("sha0")
except ValueError as e:
    print("ValueError:", e)
print(sorted(hashlib.algorithms_available - hashlib.algorithms_guaranteed))
