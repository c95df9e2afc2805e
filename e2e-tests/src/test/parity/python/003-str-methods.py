"""str methods: searching, splitting, stripping, case mapping, padding, predicates and translation."""
s = "  The Quick brown FOX jumps over the lazy dog.  "
t = s.strip()
print(repr(s.lstrip()), repr(s.rstrip()), repr(t))
print(t.lower(), "|", t.upper(), "|", t.title(), "|", t.swapcase(), "|", t.capitalize())
print(t.find("o"), t.rfind("o"), t.index("brown"), t.count("o"), t.find("cat"))
try:
    t.index("cat")
except ValueError as e:
    print("ValueError:", e)
print(t.split(), t.split(" ", 2), t.rsplit(" ", 2), "a,b,,c".split(","), "a\nb\r\nc\rd".splitlines())
print("a\nb\r\nc".splitlines(keepends=True), "".split(), "".split(","))
print(t.partition(" "), t.rpartition(" "), t.partition("#"))
print(t.replace("o", "0"), t.replace("o", "0", 2))
print(t.startswith(("The", "A")), t.endswith("dog."), t.startswith("Quick", 4))
print("42".zfill(6), "-42".zfill(6), "ab".center(9, "*"), "ab".ljust(5, "."), "ab".rjust(5, "."))
print("x".join(["1", "2", "3"]), ",".join([]))
for p in ["abc", "ABC", "123", "½", "²", "abc123", " ", "", "Title Case", "a_b", "if", "٣"]:
    print(f"{p!r:>14}: alpha={p.isalpha()} digit={p.isdigit()} num={p.isnumeric()} dec={p.isdecimal()} "
          f"alnum={p.isalnum()} space={p.isspace()} title={p.istitle()} ident={p.isidentifier()} "
          f"print={p.isprintable()} ascii={p.isascii()}")
table = str.maketrans({"a": "4", "e": "3", "o": None}, )
print(t.translate(table))
print(str.maketrans("abc", "xyz", "d"))
print("tab\tstops\there".expandtabs(4), "prefix-body".removeprefix("prefix-"), "body.py".removesuffix(".py"))
print("ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "ΣΑΣ".lower(), "straße".casefold())
print(sorted(["b", "A", "a", "B", "é", "e", "Z"]), sorted(["b", "A", "a", "B"], key=str.lower))
print("%s and %r and %5.2f and %-6d| and %x %o %e %%" % ("s", "r", 3.14159, 42, 255, 8, 12345.678))
