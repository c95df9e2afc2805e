"""re: match/search/fullmatch, groups, findall/finditer, sub with strings and functions, split, flags."""
import re

log = """2024-01-15 10:30:01 ERROR [db] connection refused (code=111)
2024-01-15 10:30:05 WARN  [api] slow response: 2350ms
2024-01-15 10:31:00 INFO  [db] reconnected after 3 attempts
2024-01-16 00:00:00 ERROR [auth] token expired for user=alice id=42
"""
line_re = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>[\d:]{8}) (?P<level>\w+)\s+\[(?P<comp>\w+)\] (?P<msg>.*)$", re.M)
for m in line_re.finditer(log):
    print(m.group("level"), m["comp"], m.span("msg"), m.groupdict()["date"], repr(m.group("msg")))
print(line_re.groupindex, line_re.groups, line_re.pattern[:20], line_re.flags & re.M == re.M)
print(re.findall(r"\d+", log)[:10], re.findall(r"(\w+)=(\w+)", log))
print(re.search(r"ms$", log, re.M).start(), re.match(r"\d+", "abc"), re.fullmatch(r"[a-z]+", "abc"))
print(re.sub(r"(\d+)ms", lambda m: f"{int(m[1]) / 1000:.2f}s", log.splitlines()[1]))
print(re.sub(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", r"\g<d>/\g<m>/\g<y>", log).splitlines()[0])
print(re.subn(r"\s+", " ", "a  b\t\tc\n\nd"), re.sub("x*", "-", "abxd"))
print(re.split(r"[,;]\s*", "a, b;c ,d"), re.split(r"(\W)", "a.b-c"), re.split(r"\s+", " lead and trail ", maxsplit=2))
print(re.escape("1+1=2? [yes] (maybe) $5.00 ^_^"), re.findall(re.escape("a.b"), "a.b axb"))
for flags, name in [(0, "none"), (re.I, "I"), (re.I | re.X, "I|X")]:
    pattern = r"""hello   # the word
                  \s+ world"""
    print(name, bool(re.search(pattern if flags & re.X else r"hello\s+world", "HELLO   World", flags)))
print(re.findall(r"^\w", "one\ntwo\nthree", re.M), re.findall(r".+", "a\nb", re.S), re.findall(r"\bcat\b", "cat concat cat."))
m = re.match(r"(a)(b)?(c)", "ac")
print(m.groups(), m.groups("-"), m.group(0, 1, 3), m.lastindex, m.expand(r"[\1|\3]"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e.msg, "at", e.pos)
print(re.purge(), bool(re.compile("x", re.A).match("x")), re.compile(r"\d").sub("#", "a1b22"))
