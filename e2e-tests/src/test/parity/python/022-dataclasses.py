"""dataclasses: defaults and factories, ordering, frozen instances, slots, post-init, asdict/astuple, replace, fields."""
import dataclasses
from dataclasses import InitVar, KW_ONLY, asdict, astuple, dataclass, field, fields, replace


@dataclass(order=True)
class Item:
    sort_key: float = field(init=False, repr=False)
    name: str
    price: float
    tags: list = field(default_factory=list)
    quantity: int = 1

    def __post_init__(self):
        self.sort_key = self.price * self.quantity


items = [Item("widget", 2.5, quantity=4), Item("gadget", 10.0, ["new"]), Item("doohickey", 1.25, quantity=2)]
print(items)
print(sorted(items), max(items).name)
print(asdict(items[1]), astuple(items[2]), [f.name for f in fields(Item)], Item.__match_args__)
print(replace(items[0], quantity=10), items[0] == Item("widget", 2.5, quantity=4))


@dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int = 0

    def distance_sq(self):
        return self.x**2 + self.y**2


p = Point(3, 4)
print(p, p.distance_sq(), hash(p) == hash(Point(3, 4)), {p: "origin-ish"}[Point(3, 4)], hasattr(p, "__dict__"), Point.__slots__)
try:
    p.x = 10
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)


@dataclass
class Account:
    owner: str
    _: KW_ONLY
    balance: int = 0
    currency: str = "EUR"
    secret: InitVar[str] = "x"

    def __post_init__(self, secret):
        self.key_length = len(secret)


acct = Account("ana", balance=100, secret="hunter2")
print(acct, acct.key_length, dataclasses.is_dataclass(acct), dataclasses.is_dataclass(Account))
try:
    Account("bob", 5)
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
Dyn = dataclasses.make_dataclass("Dyn", [("a", int), ("b", str, field(default="b"))], namespace={"double": lambda self: self.a * 2})
print(Dyn(21), Dyn(21).double(), Dyn.__doc__)


@dataclass
class Node:
    value: int
    children: list["Node"] = field(default_factory=list)


tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(asdict(tree))
print(match_result := [(lambda n: (n.value, len(n.children)))(n) for n in tree.children])
match tree:
    case Node(value=1, children=[Node(value=v), *rest]):
        print("first child", v, "rest", len(rest))
