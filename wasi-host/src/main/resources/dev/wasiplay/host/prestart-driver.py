# Runs as `python -c <this>` in a pre-started instance (see PrestartedPython.java). CPython has finished its
# start-up by the time this runs; it then blocks on fd 0 until the host sends the run's argv, and runs the
# script the way `python <script> args...` would. Only the one frame of this code stays below the script's.
import sys
def _wasiplay_prepare():
    import os, sys
    def read_exactly(count):
        data = b''
        while len(data) < count:
            chunk = os.read(0, count - len(data))
            if not chunk:
                raise SystemExit(0)
            data += chunk
        return data
    header = b''
    while not header.endswith(b'\n'):
        header += read_exactly(1)
    argv = [os.fsdecode(arg) for arg in read_exactly(int(header)).split(b'\0')]
    path = argv[1]
    sys.argv = argv[1:]
    sys.orig_argv = argv
    sys.path[0] = os.path.dirname(os.path.realpath(path))
    namespace = sys.modules['__main__'].__dict__
    builtins = namespace['__builtins__']
    namespace.clear()
    namespace.update(__name__='__main__', __doc__=None, __package__=None,
                     __loader__=sys.modules['_frozen_importlib_external'].SourceFileLoader('__main__', path),
                     __spec__=None, __annotations__={}, __builtins__=builtins, __file__=path, __cached__=None)
    try:
        with open(path, 'rb') as script:
            source = script.read()
    except OSError as error:
        sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (argv[0], path, error.errno, error.strerror))
        raise SystemExit(2)
    return compile(source, path, 'exec', dont_inherit=True), namespace
try:
    exec(*_wasiplay_prepare())
except SystemExit:
    raise
except BaseException as error:
    trace = error.__traceback__
    while trace is not None and trace.tb_frame.f_code.co_filename == '<string>':
        trace = trace.tb_next
    error.__traceback__ = trace
    __import__('sys').last_exc = __import__('sys').last_value = error
    __import__('sys').last_type, __import__('sys').last_traceback = type(error), trace
    __import__('sys').excepthook(type(error), error, trace)
    raise SystemExit(1)
