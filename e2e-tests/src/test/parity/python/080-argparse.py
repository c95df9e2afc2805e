"""argparse with the case's arguments: positionals, options, types, choices, counts, subcommands, mutually exclusive groups."""
import argparse

parser = argparse.ArgumentParser(prog="tool", description="A parity test tool.", epilog="Bye.")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--format", choices=["json", "text"], default="text")
parser.add_argument("--limit", type=int, default=10, help="maximum items (default: %(default)s)")
parser.add_argument("--tag", action="append", dest="tags", default=[])
group = parser.add_mutually_exclusive_group()
group.add_argument("--fast", action="store_true")
group.add_argument("--safe", action="store_true")
sub = parser.add_subparsers(dest="command", required=True)
run = sub.add_parser("run", help="run things")
run.add_argument("targets", nargs="+")
run.add_argument("--dry-run", action="store_true")
show = sub.add_parser("show")
show.add_argument("what", nargs="?", default="all")
args = parser.parse_args()
print(vars(args))
print(parser.format_usage().strip())
print(parser.format_help())
print(run.format_help())
examples = [["show"], ["-vv", "run", "a", "b"], ["--tag", "x", "--tag=y", "show", "items"], ["--limit", "0x10", "show"]]
for example in examples:
    try:
        print(example, "->", vars(parser.parse_args(example)))
    except SystemExit as e:
        print(example, "-> SystemExit", e.code)
known, extra = parser.parse_known_args(["show", "--unknown", "1"])
print(vars(known), extra)
