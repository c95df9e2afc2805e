"""collections: Counter, deque, defaultdict, OrderedDict, ChainMap, namedtuple, UserDict."""
from collections import ChainMap, Counter, OrderedDict, UserDict, defaultdict, deque, namedtuple

words = "the quick brown fox jumps over the lazy dog the fox".split()
c = Counter(words)
print(c.most_common(3), c["the"], c["missing"], c.total(), sorted(c.elements())[:5])
c2 = Counter("abracadabra")
print(c2, c2 + Counter("aaz"), c2 - Counter("aaaaaaa"), c2 & Counter("abc"), c2 | Counter("zzz"))
c2.subtract("aaaaaaaaaa")
print(c2, +c2, -c2, Counter(a=3) <= Counter(a=5, b=1))
d = deque(range(5), maxlen=7)
d.appendleft(-1)
d.extend([5, 6, 7])
print(d, d.maxlen)
d.rotate(3)
print(d, d.popleft(), d.pop(), d.index(3), d.count(2), list(reversed(d)))
d.rotate(-10)
print(d, d[2], len(d))
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(dict(groups), groups.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od == OrderedDict.fromkeys("acd"), od == dict.fromkeys("dca"))
defaults = {"color": "red", "user": "guest", "depth": 1}
config = ChainMap({}, {"user": "admin"}, defaults)
config["depth"] = 5
print(config["user"], config["color"], config["depth"], config.maps[0], len(config), sorted(config))
child = config.new_child({"color": "blue"})
print(child["color"], child.parents["color"], dict(child))
Point = namedtuple("Point", "x y z", defaults=[0])
p = Point(1, 2)
print(p, p._asdict(), p._replace(z=9), Point._fields, Point._field_defaults, p.x + p.y, tuple(p), Point._make([7, 8, 9]))
try:
    Point(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


ld = LowerDict({"A": 1})
ld["BcD"] = 2
print(ld, "bcd" in ld, ld.data)
