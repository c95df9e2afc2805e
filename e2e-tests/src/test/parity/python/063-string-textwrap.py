"""string and textwrap: constants, Template substitution, Formatter, capwords, wrap/fill/shorten/dedent/indent."""
import string
import textwrap

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), len(string.printable))
print(string.punctuation, string.capwords("  the  quick   brown fox "), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}s; cost: $$$amount")
print(t.substitute(who="Ana", what="apple", amount=3), t.safe_substitute(who="Bob"), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
fmt = string.Formatter()
print(list(fmt.parse("a {0} b {name!r:>5} c")), fmt.format("{0}-{x}", 1, x=2), fmt.vformat("{a}{b}", (), {"a": 1, "b": 2}))
text = ("WebAssembly System Interface programs should behave the same in the browser and on the server, "
        "whatever the engine underneath; this paragraph is long enough to wrap several times at narrow widths.")
for width in [20, 40, 72]:
    print(f"--- width {width}")
    print(textwrap.fill(text, width=width))
print(textwrap.wrap(text, 30, max_lines=3, placeholder=" [...]"))
print(textwrap.shorten(text, 50), textwrap.shorten("Hello  world!", width=12))
block = """
    def hello():
        print("hi")
          # deeper
    """
print(repr(textwrap.dedent(block)), textwrap.indent("a\n\nb\n", "> "), textwrap.indent("a\n\nb", "+ ", lambda line: True))
print(textwrap.fill("supercalifragilisticexpialidocious and more", 10, break_long_words=True))
print(textwrap.fill("supercalifragilisticexpialidocious and more", 10, break_long_words=False))
print(textwrap.TextWrapper(width=25, initial_indent="* ", subsequent_indent="  ", expand_tabs=True).fill("tab\tseparated " * 4))
