"""Writing after closing stdout: print raises ValueError (reported on stderr), os.write to fd 1 after close fails, exit status 0."""
import os
import sys

print("before closing stdout", flush=True)
saved = sys.stdout
sys.stdout.close()
try:
    print("after close")
except ValueError as e:
    sys.stderr.write(f"print after close: ValueError: {e}\n")
try:
    os.write(1, b"raw write to fd 1 after the Python object closed it\n")
    sys.stderr.write("os.write to fd 1 succeeded\n")
except OSError as e:
    sys.stderr.write(f"os.write to fd 1: OSError errno={e.errno}\n")
sys.stdout = sys.stderr
print("print now goes to stderr")
