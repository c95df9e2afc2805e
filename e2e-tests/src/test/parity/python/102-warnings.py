"""warnings: default display on stderr, filters (ignore, error, once, always), categories, catch_warnings with record=True."""
import warnings


def old_api():
    warnings.warn("old_api is deprecated, use new_api", DeprecationWarning, stacklevel=2)
    return 1


def noisy(i):
    warnings.warn(f"noisy call {i % 2}", UserWarning)


old_api()
for i in range(4):
    noisy(i)
warnings.warn("a runtime warning", RuntimeWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_api()
    noisy(1)
    noisy(1)
    warnings.warn("bytes warning", BytesWarning)
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        noisy(0)
    except UserWarning as e:
        print("raised as error:", e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="noisy")
    noisy(5)
    print("ignored by message filter")
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("shown once", FutureWarning)


class CustomWarning(Warning):
    pass


warnings.warn_explicit("explicit location", CustomWarning, "virtual.py", 42)
print(issubclass(DeprecationWarning, Warning), len(warnings.filters) > 0)
