"""enum: Enum, IntEnum, StrEnum, Flag/IntFlag combinations, auto, aliases, unique, members and lookups."""
import enum
from enum import Enum, Flag, IntEnum, IntFlag, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


print(list(Color), Color.CRIMSON is Color.RED, Color(2), Color["BLUE"], Color.RED.name, Color.RED.value, len(Color))
print(list(Color.__members__), repr(Color.GREEN), str(Color.GREEN), f"{Color.GREEN}", Color.RED in Color)
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)


class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()


print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW, 2]), int(Priority.HIGH), f"{Priority.LOW}")


class Method(StrEnum):
    GET = auto()
    POST = auto()


print(Method.GET, Method.GET == "get", Method("post"), Method.POST.upper(), list(Method))


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, ~rw, list(rw), Perm(5), Perm(0), bool(Perm(0)), Perm.RWX & ~Perm.W, len(rw))


class Mode(IntFlag):
    A = 1
    B = 2
    C = 4


print(Mode.A | 8, Mode(3), Mode.B ^ Mode.C, int(Mode.A | Mode.C), Mode(7) == 7)
try:
    @unique
    class Dup(Enum):
        ONE = 1
        UNO = 1
except ValueError as e:
    print("ValueError:", e)


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print([(p.name, round(p.gravity, 3)) for p in Planet])
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.CAT.value, enum.unique(Animal) is Animal)


class Shape(Enum):
    CIRCLE = "circle"
    SQUARE = "square"

    @classmethod
    def _missing_(cls, value):
        return cls.CIRCLE if str(value).lower().startswith("c") else None


print(Shape("Cylinder"), Shape("square"))
try:
    Shape("triangle")
except ValueError as e:
    print("ValueError:", e)
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN | Color.BLUE:
        print("green or blue")
