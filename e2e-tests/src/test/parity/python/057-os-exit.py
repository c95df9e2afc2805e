"""os._exit(7) skips finally blocks, atexit handlers and buffered-but-unflushed text; flushed output survives."""
import atexit
import os
import sys

atexit.register(lambda: print("atexit handler (must not run)"))
print("flushed before _exit", flush=True)
sys.stderr.write("stderr before _exit\n")
sys.stderr.flush()
try:
    os._exit(7)
finally:
    print("finally (must not run)")
