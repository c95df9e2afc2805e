"""uuid: name-based uuid3/uuid5 are fixed; uuid1 and uuid4 come from the clock and random_get (deterministic mode only)."""
import uuid

print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/parity"))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u.hex, u.int, u.bytes, u.bytes_le.hex(), u.fields, u.version, u.variant, u.urn, str(uuid.UUID(bytes=u.bytes)) == str(u))
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, uuid.UUID(int=0), uuid.UUID(int=2**128 - 1))
try:
    uuid.UUID("not-a-uuid")
except ValueError as e:
    print("ValueError:", e)
r = uuid.uuid4()
print("uuid4:", r, r.version, r.variant)
t = uuid.uuid1()
print("uuid1:", t, t.version, t.node, t.time > 0, t.clock_seq)
print("getnode:", uuid.getnode())
