"""shlex splitting and quoting, glob over a created tree (sorted), fnmatch patterns, and fileinput over several files."""
import fileinput
import fnmatch
import glob
import os
import shlex

for line in ['echo "hello world" \'single quoted\' escaped\\ space', "a 'b c' \"d \\\"e\\\"\" # comment here", "ünï 'cödé' x=\"1 2\""]:
    print(shlex.split(line), shlex.split(line, comments=True))
print(shlex.quote("it's got spaces"), shlex.quote("safe"), shlex.quote(""), shlex.join(["ls", "-l", "my file.txt", "$HOME"]))
lexer = shlex.shlex("a=1; b='two words' && c", posix=True, punctuation_chars=True)
print(list(lexer))
try:
    shlex.split('unbalanced "quote')
except ValueError as e:
    print("ValueError:", e)
for rel in ["src/a.py", "src/b.py", "src/sub/c.py", "src/sub/d.txt", "docs/x.md", "docs/.hidden.md", "top.py", "data[1].csv"]:
    os.makedirs(os.path.dirname("/out/glob/" + rel) or "/out/glob", exist_ok=True)
    with open("/out/glob/" + rel, "w") as f:
        f.write(rel + "\n")
os.chdir("/out/glob")
print(sorted(glob.glob("*.py")), sorted(glob.glob("src/*.py")), sorted(glob.glob("**/*.py", recursive=True)))
print(sorted(glob.glob("docs/*")), sorted(glob.glob("docs/*", include_hidden=True)), sorted(glob.glob("data[[]1].csv")), glob.escape("data[1].csv"))
print(sorted(glob.glob("src/**", recursive=True)), sorted(glob.glob("/out/glob/src/?.py")), sorted(glob.iglob("nothing*")))
names = ["main.py", "Main.PY", "test_a.py", "a.txt", ".env", "x1", "x22"]
print(fnmatch.filter(names, "*.py"), fnmatch.fnmatchcase("Main.PY", "*.py"), fnmatch.fnmatch("Main.PY", "*.py"), fnmatch.filter(names, "x?"), fnmatch.filter(names, "[!.]*.*"))
print(fnmatch.translate("*.p[yw]"))
with fileinput.input(files=sorted(glob.glob("src/**/*.py", recursive=True)) + ["top.py"]) as lines:
    for line in lines:
        print(fileinput.filename(), fileinput.filelineno(), fileinput.lineno(), line.rstrip())
os.chdir("/")
