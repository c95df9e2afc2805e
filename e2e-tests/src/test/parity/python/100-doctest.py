"""doctest: docstring examples that pass, one that fails (reported on stdout), testmod summary; the exit status stays 0."""
import doctest


def average(values):
    """Return the arithmetic mean.

    >>> average([1, 2, 3, 4])
    2.5
    >>> average([])
    Traceback (most recent call last):
        ...
    ZeroDivisionError: division by zero
    >>> [average([x, x + 1]) for x in range(3)]
    [0.5, 1.5, 2.5]
    """
    return sum(values) / len(values)


def greet(name):
    """
    >>> greet("ana")
    'Hello, Ana!'
    >>> greet("bob")  # deliberately wrong expectation
    'Hi, Bob!'
    >>> print(greet("zoë").upper())
    HELLO, ZOË!
    """
    return f"Hello, {name.capitalize()}!"


results = doctest.testmod(verbose=False, report=True)
print(results)
print(doctest.run_docstring_examples(average, {"average": average}, verbose=True))
