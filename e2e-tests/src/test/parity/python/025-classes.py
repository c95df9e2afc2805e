"""Classes: MRO with diamonds, super(), descriptors, properties, __slots__, metaclasses, __init_subclass__, dunder protocols."""


class Base:
    def who(self):
        return ["Base"]


class Left(Base):
    def who(self):
        return ["Left"] + super().who()


class Right(Base):
    def who(self):
        return ["Right"] + super().who()


class Diamond(Left, Right):
    def who(self):
        return ["Diamond"] + super().who()


print(Diamond().who(), [c.__name__ for c in Diamond.__mro__])
try:
    type("Bad", (Left, Diamond), {})
except TypeError as e:
    print("TypeError:", e)


class Positive:
    def __set_name__(self, owner, name):
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.private)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.private[1:]} must be positive, got {value}")
        setattr(obj, self.private, value)


class Registry(type):
    classes = []

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls


class Product(metaclass=Registry):
    price = Positive()
    __slots__ = ("_price", "name")

    def __init__(self, name, price):
        self.name = name
        self.price = price

    @property
    def label(self):
        return f"{self.name}: {self.price}"

    def __repr__(self):
        return f"Product({self.name!r}, {self.price})"

    def __eq__(self, other):
        return isinstance(other, Product) and (self.name, self.price) == (other.name, other.price)

    __hash__ = None


p = Product("pen", 3)
print(p, p.label, Registry.classes, type(Product).__name__, Product.__hash__)
try:
    p.price = -1
except ValueError as e:
    print("ValueError:", e)
try:
    p.colour = "red"
except AttributeError as e:
    print("AttributeError:", e)


class Plugin:
    registry = {}

    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[key or cls.__name__.lower()] = cls


class CsvPlugin(Plugin, key="csv"):
    pass


class JsonPlugin(Plugin):
    pass


print({k: v.__name__ for k, v in Plugin.registry.items()})


class Vector:
    def __init__(self, *coords):
        self.coords = tuple(coords)

    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self.coords, other.coords)))

    def __mul__(self, k):
        return Vector(*(a * k for a in self.coords))

    __rmul__ = __mul__

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.coords, other.coords))

    def __len__(self):
        return len(self.coords)

    def __getitem__(self, i):
        return self.coords[i]

    def __iter__(self):
        return iter(self.coords)

    def __bool__(self):
        return any(self.coords)

    def __repr__(self):
        return f"Vector{self.coords}"

    def __call__(self, scale):
        return self * scale

    def __contains__(self, x):
        return x in self.coords


v, w = Vector(1, 2, 3), Vector(4, 5, 6)
print(v + w, 2 * v, v * 2, v @ w, len(v), v[1:], list(v), bool(Vector(0, 0)), v(10), 3 in v, max(w))


class Lazy:
    def __getattr__(self, name):
        return f"<computed {name}>"


lz = Lazy()
lz.real = "set"
print(lz.real, lz.anything, getattr(lz, "x"), vars(lz))


class Counter:
    count = 0

    @classmethod
    def make(cls):
        cls.count += 1
        return cls()

    @staticmethod
    def describe():
        return "counter class"


Counter.make()
Counter.make()
print(Counter.count, Counter.describe(), isinstance(Counter.make(), Counter), Counter.count)
print(type(3).__mro__, issubclass(bool, int), isinstance(True, int), object.__subclasses__.__name__)
