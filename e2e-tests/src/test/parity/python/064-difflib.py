"""difflib: unified and context diffs, ndiff, SequenceMatcher ratios and opcodes, close matches, HTML table size."""
import difflib

a = """one
two
three
four
five
six""".splitlines(keepends=True)
b = """zero
one
tree
four
five and a half
six
seven""".splitlines(keepends=True)
print("".join(difflib.unified_diff(a, b, fromfile="before.txt", tofile="after.txt", fromfiledate="2024-01-01", tofiledate="2024-01-02")))
print("".join(difflib.context_diff(a, b, n=1)))
print("".join(difflib.ndiff(a, b)))
sm = difflib.SequenceMatcher(None, "the quick brown fox", "the quack brown box")
print(round(sm.ratio(), 4), round(sm.quick_ratio(), 4), sm.get_matching_blocks())
for tag, i1, i2, j1, j2 in sm.get_opcodes():
    print(f"{tag:>7} a[{i1}:{i2}] b[{j1}:{j2}]")
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy", "applet"]), difflib.get_close_matches("wasi", ["wasm", "wasi", "waist", "oasis"], n=2, cutoff=0.5))
print(list(difflib.restore(difflib.ndiff(a, b), 2)) == b)
html = difflib.HtmlDiff(wrapcolumn=40).make_table(a, b, "a", "b")
print(len(html), html.count("<tr>"), html.count("diff_chg"))
words1, words2 = "lorem ipsum dolor sit amet".split(), "lorem dolor sit amet consectetur".split()
print([(t, words1[i1:i2], words2[j1:j2]) for t, i1, i2, j1, j2 in difflib.SequenceMatcher(a=words1, b=words2).get_opcodes() if t != "equal"])
