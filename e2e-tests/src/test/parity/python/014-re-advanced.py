"""re, advanced: lookarounds, backreferences, non-greedy, unicode classes, conditional groups, atomic and possessive."""
import re

print(re.findall(r"\w+(?=\d)", "abc1 def ghi2"), re.findall(r"(?<=\$)\d+(?:\.\d\d)?", "cost $42.50 or $7"))
print(re.findall(r"(?<!-)\b\d+", "5 -3 10 -20 7"), re.findall(r"\b(?!un)\w+able\b", "unable capable unstable readable"))
print(re.findall(r"\b(\w+)\s+\1\b", "the the quick brown brown fox"), re.sub(r"(\w)\1", r"<\1\1>", "bookkeeper"))
print(re.findall(r"<.+>", "<a><b>"), re.findall(r"<.+?>", "<a><b>"), re.findall(r"a{2,3}?", "aaaaa"))
print(re.findall(r"\w+", "naïve café Ωmega 東京 ٣٤"), re.findall(r"\w+", "naïve café", re.A))
print(re.findall(r"\d", "1٣۳१"), re.findall(r"[^\W\d_]+", "ab_12cd"), re.findall(r"\s", "a\u00a0b\u2003c"))
print(re.match(r"(?i)straße", "STRASSE"), re.match(r"(?i)ǅ", "ǆ"), re.fullmatch(r"(?i)[a-z]+", "KELVIN\u212a"))
print(re.findall(r"(<)?(\w+@\w+\.\w+)(?(1)>|$)", "<a@b.com> c@d.org"))
print(re.findall(r"(?>a+)b", "aaab"), re.findall(r"a++b", "aaab"), re.fullmatch(r"(?>a|ab)c", "abc"))
print(re.findall(r"(?x) \d{3} [-.]? \d{4}  # phone", "555-1234 5556789"))
print(re.sub(r"(?m)^\s*#.*\n?", "", "code\n  # comment\nmore\n# end\n"))
nested = re.compile(r"\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")
print(nested.findall("f(a(b)c) g(d(e(f))) h()"))
m = re.search(r"(?P<key>\w+)=(?P<val>\"[^\"]*\"|\S+)", 'x key="a value" y')
print(m["key"], m["val"], m.start("val"), m.end(), m.re.pattern[:10], m.string, m.pos)
scanner_re = re.compile(r"(?P<num>\d+\.?\d*)|(?P<op>[-+*/()])|(?P<ws>\s+)|(?P<err>.)")
tokens = [(m.lastgroup, m.group()) for m in scanner_re.finditer("3.5 * (2 + 10) / x") if m.lastgroup != "ws"]
print(tokens)
catastrophic = re.compile(r"^(\d+)*$")
print(bool(catastrophic.match("1" * 20 + "a")))
big = "ab" * 50000 + "c"
print(len(re.findall("ab", big)), re.search("c$", big).start(), len(re.sub("b", "", big)))
for bad in [r"(?<=a+)b", r"[z-a]", r"a{2,1}", r"(?P<n>a)(?P<n>b)", "\\"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e)
