"""What WASI preview 1 cannot do, as the program sees it: threads, subprocesses, sockets, signals, pipes, asyncio's loop."""
import os
import signal
import socket
import subprocess
import threading

attempts = {
    "thread": lambda: threading.Thread(target=print).start(),
    "subprocess": lambda: subprocess.run(["echo", "hi"]),
    "socket": lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
    "socketpair": lambda: socket.socketpair(),
    "getaddrinfo": lambda: socket.getaddrinfo("localhost", 80),
    "signal.alarm": lambda: signal.alarm(1),
    "signal handler": lambda: signal.signal(signal.SIGINT, lambda *a: None),
    "os.pipe": lambda: os.pipe(),
    "os.system": lambda: os.system("true"),
    "os.getpid": lambda: os.getpid(),
}
for name, attempt in attempts.items():
    try:
        result = attempt()
        print(f"{name}: succeeded -> {type(result).__name__}")
    except Exception as e:
        print(f"{name}: {type(e).__name__}: {e}")
print("threading.current_thread:", threading.current_thread().name, threading.active_count(), threading.main_thread() is threading.current_thread())
lock = threading.Lock()
with lock:
    print("locks still work:", lock.locked())
local = threading.local()
local.value = 5
print("thread-local:", local.value)
print("signal names:", sorted(s.name for s in signal.valid_signals())[:5] if hasattr(signal, "valid_signals") else "n/a")
