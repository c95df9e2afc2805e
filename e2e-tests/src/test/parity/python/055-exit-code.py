"""sys.exit with an integer: output on both streams, a finally block that still runs, exit status 3."""
import sys

print("doing some work")
print("warning: something looks off", file=sys.stderr)
try:
    sys.exit(3)
finally:
    print("finally runs during SystemExit")
print("never reached")
