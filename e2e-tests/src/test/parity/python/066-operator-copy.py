"""operator and copy: itemgetter/attrgetter/methodcaller, operator functions, shallow vs deep copies, custom __deepcopy__."""
import copy
import operator
from collections import namedtuple

Row = namedtuple("Row", "name age city")
rows = [Row("ana", 31, "Lisbon"), Row("bob", 27, "Porto"), Row("cid", 31, "Braga")]
print(sorted(rows, key=operator.attrgetter("age", "name")), list(map(operator.itemgetter(0, 2), rows)))
print(operator.methodcaller("replace", "a", "@")("banana"), operator.attrgetter("real", "imag")(3 + 4j))
print(operator.add(1, 2), operator.mul("ab", 3), operator.truediv(7, 2), operator.floordiv(7, 2), operator.neg(5), operator.pow(2, 10))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 4), operator.inv(0), operator.not_(0))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.is_(None, None), operator.truth([]))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.getitem([10, 20, 30], slice(1, None)), operator.concat([1], [2]), operator.length_hint(iter(range(7))))
x = [1, 2]
print(operator.iadd(x, [3]), x, operator.index(5), operator.call(max, 3, 9))
original = {"list": [1, [2, 3]], "dict": {"k": [4]}, "tuple": (5, [6])}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original["list"][1].append("changed")
original["dict"]["k"].append("changed")
print(shallow["list"], deep["list"], shallow["dict"], deep["dict"], shallow["list"] is original["list"], deep["tuple"] is original["tuple"])
cyclic = [1]
cyclic.append(cyclic)
cyclic_copy = copy.deepcopy(cyclic)
print(cyclic_copy[1] is cyclic_copy, cyclic_copy is not cyclic)


class Connection:
    def __init__(self, host):
        self.host = host
        self.log = []

    def __copy__(self):
        clone = Connection(self.host)
        clone.log = self.log
        return clone

    def __deepcopy__(self, memo):
        clone = Connection(self.host + " (copy)")
        clone.log = copy.deepcopy(self.log, memo)
        return clone


conn = Connection("db")
conn.log.append("opened")
c1, c2 = copy.copy(conn), copy.deepcopy(conn)
conn.log.append("queried")
print(c1.host, c1.log, c2.host, c2.log, copy.replace(Row("x", 1, "y"), age=2) if hasattr(copy, "replace") else Row("x", 1, "y")._replace(age=2))
