"""Directory listing order, deliberately unsorted: os.listdir, os.scandir and os.walk return entries in the order the host
gives them. Our file system keeps insertion order; a real host file system does not promise any order."""
import os

os.makedirs("/out/order")
for name in ["zeta", "alpha", "Mid", "10", "9", "_under", "émile", "beta.txt", "aa", "a"]:
    with open(os.path.join("/out/order", name), "w") as f:
        f.write(name)
os.remove("/out/order/Mid")
with open("/out/order/Mid-again", "w") as f:
    f.write("re-created")
print(os.listdir("/out/order"))
print([e.name for e in os.scandir("/out/order")])
print(next(os.walk("/out/order"))[2])
print(sorted(os.listdir("/out/order")))
