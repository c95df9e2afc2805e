"""Large output on both streams: 1,500 stderr lines interleaved with stdout, then a big single write of 2 MB."""
import sys

for i in range(1500):
    if i % 3 == 0:
        print(f"out {i}")
    print(f"err {i} {'x' * (i % 50)}", file=sys.stderr)
sys.stdout.write("A" * (2 * 1024 * 1024))
sys.stdout.write("\nend of big write\n")
sys.stderr.write("done\n")
