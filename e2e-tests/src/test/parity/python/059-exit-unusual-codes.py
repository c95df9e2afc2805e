"""Unusual exit values: SystemExit(None) and SystemExit(True) are tried in-program; the process then exits with 300,
which does not fit in a byte: WASI's proc_exit takes a u32 and hosts report it as they see fit."""
import sys

for value in [None, 0, True, False, 2, "text", 1.5, [1]]:
    try:
        sys.exit(value)
    except SystemExit as e:
        print(f"sys.exit({value!r}) -> code {e.code!r}")
print("exiting with 300")
sys.exit(300)
