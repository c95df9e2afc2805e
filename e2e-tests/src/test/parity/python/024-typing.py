"""typing at run time: generics, Protocol checks, TypedDict, NamedTuple, get_type_hints, overload, TypeVar, Annotated."""
import typing
from typing import (Annotated, Any, Callable, ClassVar, Generic, Literal, NamedTuple, Optional, Protocol, TypedDict,
                    TypeVar, Union, get_args, get_origin, get_type_hints, overload, runtime_checkable)

T = TypeVar("T")
K = TypeVar("K", str, bytes)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), Stack[int], Stack.__parameters__, get_origin(Stack[int]), get_args(Stack[int]))


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class Resource:
    def close(self):
        pass


print(isinstance(Resource(), Closable), isinstance(42, Closable), issubclass(Resource, Closable))


class Movie(TypedDict, total=False):
    title: str
    year: int


m: Movie = {"title": "Arrival"}
print(m, Movie.__required_keys__, sorted(Movie.__optional_keys__), Movie.__total__)


class Employee(NamedTuple):
    name: str
    id: int = 0


print(Employee("ann"), Employee._fields, Employee.__annotations__)


class Config:
    retries: int
    name: Optional[str]
    mode: Literal["fast", "slow"]
    weight: Annotated[float, "kg"]
    handler: Callable[[int, str], bool]
    registry: ClassVar[dict[str, Any]] = {}


hints = get_type_hints(Config)
print({k: str(v).replace("typing.", "") for k, v in hints.items()})
print(get_type_hints(Config, include_extras=True)["weight"].__metadata__, get_args(hints["mode"]), get_origin(hints["name"]))
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None], int | str, get_args(int | None), list[int] == list[int])


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(4), double("ab"), len(typing.get_overloads(double)))
print(K.__constraints__, T.__name__, typing.TYPE_CHECKING, typing.cast(int, "not checked"), typing.assert_type(3, int))
print(typing.reveal_type.__name__, typing.NewType("UserId", int)(5), typing.get_type_hints(double))


def process(items: list[dict[str, int | None]], *, flag: bool = False) -> tuple[int, ...]:
    return tuple(len(i) for i in items)


print(process.__annotations__, process([{"a": 1}, {}]))
