package dev.wasiplay.polyfill;

/**
 * The export table of wasi_snapshot_preview1: one method per import, in spec order, each taking the
 * wasm arguments as they arrive (i32 as int, i64 as long) and returning an errno. Engines bind these
 * methods to their import mechanism; {@link WasiFunction} lists names and signatures for generic binding.
 *
 * <p>An instance serves one guest instance and is not thread-safe. Call {@link #attach} with the guest's
 * memory after instantiation and before {@code _start}. {@code proc_exit} throws {@link WasiExit}; a call
 * given an out-of-bounds or misaligned pointer throws {@link WasiTrap} (a trap, as in wasmtime). Behaviour
 * follows wasmtime's wasi_snapshot_preview1; the few deliberate differences are listed in the README.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md">preview1 spec</a>
 */
public final class WasiPreview1 {
    public static final String MODULE = "wasi_snapshot_preview1";

    private final WasiState state;
    private final ArgsEnv argsEnv;
    private final Clocks clocks;
    private final FdCalls fd;
    private final PathCalls path;
    private final Poll poll;
    private final Proc proc;
    private final Sockets sockets;

    public WasiPreview1(WasiOptions options) {
        this.state = new WasiState(options);
        this.argsEnv = new ArgsEnv(state);
        this.clocks = new Clocks(state);
        this.fd = new FdCalls(state);
        this.path = new PathCalls(state);
        this.poll = new Poll(state);
        this.proc = new Proc(state);
        this.sockets = new Sockets(state);
    }

    /** Gives the polyfill the guest's memory; call once the instance exists. */
    public void attach(GuestMemory memory) {
        state.mem.attach(memory);
    }

    /** The exit code passed to proc_exit, or -1 while the guest has not exited. */
    public int exitCode() {
        return state.exitCode;
    }

    /** Open descriptors, stdio and preopens included. */
    public int openFileCount() {
        return state.fds.openCount();
    }

    public int args_get(int argv, int argvBuf) {
        return argsEnv.argsGet(argv, argvBuf);
    }

    public int args_sizes_get(int argcOut, int argvBufSizeOut) {
        return argsEnv.argsSizesGet(argcOut, argvBufSizeOut);
    }

    public int environ_get(int environ, int environBuf) {
        return argsEnv.environGet(environ, environBuf);
    }

    public int environ_sizes_get(int countOut, int bufSizeOut) {
        return argsEnv.environSizesGet(countOut, bufSizeOut);
    }

    public int clock_res_get(int clockId, int resolutionOut) {
        return clocks.resGet(clockId, resolutionOut);
    }

    public int clock_time_get(int clockId, long precision, int timeOut) {
        return clocks.timeGet(clockId, precision, timeOut);
    }

    public int fd_advise(int fd, long offset, long len, int advice) {
        return this.fd.advise(fd, offset, len, advice);
    }

    public int fd_allocate(int fd, long offset, long len) {
        return this.fd.allocate(fd, offset, len);
    }

    public int fd_close(int fd) {
        return this.fd.close(fd);
    }

    public int fd_datasync(int fd) {
        return this.fd.sync(fd, Rights.FD_DATASYNC);
    }

    public int fd_fdstat_get(int fd, int statOut) {
        return this.fd.fdstatGet(fd, statOut);
    }

    public int fd_fdstat_set_flags(int fd, int flags) {
        return this.fd.fdstatSetFlags(fd, flags);
    }

    public int fd_fdstat_set_rights(int fd, long base, long inheriting) {
        return this.fd.fdstatSetRights(fd, base, inheriting);
    }

    public int fd_filestat_get(int fd, int statOut) {
        return this.fd.filestatGet(fd, statOut);
    }

    public int fd_filestat_set_size(int fd, long size) {
        return this.fd.filestatSetSize(fd, size);
    }

    public int fd_filestat_set_times(int fd, long atim, long mtim, int fstFlags) {
        return this.fd.filestatSetTimes(fd, atim, mtim, fstFlags);
    }

    public int fd_pread(int fd, int iovs, int iovsLen, long offset, int nreadOut) {
        return this.fd.pread(fd, iovs, iovsLen, offset, nreadOut);
    }

    public int fd_prestat_get(int fd, int prestatOut) {
        return this.fd.prestatGet(fd, prestatOut);
    }

    public int fd_prestat_dir_name(int fd, int pathOut, int pathLen) {
        return this.fd.prestatDirName(fd, pathOut, pathLen);
    }

    public int fd_pwrite(int fd, int iovs, int iovsLen, long offset, int nwrittenOut) {
        return this.fd.pwrite(fd, iovs, iovsLen, offset, nwrittenOut);
    }

    public int fd_read(int fd, int iovs, int iovsLen, int nreadOut) {
        return this.fd.read(fd, iovs, iovsLen, nreadOut);
    }

    public int fd_readdir(int fd, int buf, int bufLen, long cookie, int bufUsedOut) {
        return this.fd.readdir(fd, buf, bufLen, cookie, bufUsedOut);
    }

    public int fd_renumber(int fd, int to) {
        return this.fd.renumber(fd, to);
    }

    public int fd_seek(int fd, long offset, int whence, int newOffsetOut) {
        return this.fd.seek(fd, offset, whence, newOffsetOut);
    }

    public int fd_sync(int fd) {
        return this.fd.sync(fd, Rights.FD_SYNC);
    }

    public int fd_tell(int fd, int offsetOut) {
        return this.fd.tell(fd, offsetOut);
    }

    public int fd_write(int fd, int iovs, int iovsLen, int nwrittenOut) {
        return this.fd.write(fd, iovs, iovsLen, nwrittenOut);
    }

    public int path_create_directory(int fd, int pathPtr, int pathLen) {
        return path.createDirectory(fd, pathPtr, pathLen);
    }

    public int path_filestat_get(int fd, int lookupFlags, int pathPtr, int pathLen, int statOut) {
        return path.filestatGet(fd, lookupFlags, pathPtr, pathLen, statOut);
    }

    public int path_filestat_set_times(int fd, int lookupFlags, int pathPtr, int pathLen, long atim, long mtim,
            int fstFlags) {
        return path.filestatSetTimes(fd, lookupFlags, pathPtr, pathLen, atim, mtim, fstFlags);
    }

    public int path_link(int oldFd, int oldLookupFlags, int oldPath, int oldPathLen, int newFd, int newPath,
            int newPathLen) {
        return path.link(oldFd, oldLookupFlags, oldPath, oldPathLen, newFd, newPath, newPathLen);
    }

    public int path_open(int fd, int dirLookupFlags, int pathPtr, int pathLen, int oflags, long rightsBase,
            long rightsInheriting, int fdflags, int fdOut) {
        return path.open(fd, dirLookupFlags, pathPtr, pathLen, oflags, rightsBase, rightsInheriting, fdflags, fdOut);
    }

    public int path_readlink(int fd, int pathPtr, int pathLen, int buf, int bufLen, int bufUsedOut) {
        return path.readlink(fd, pathPtr, pathLen, buf, bufLen, bufUsedOut);
    }

    public int path_remove_directory(int fd, int pathPtr, int pathLen) {
        return path.removeDirectory(fd, pathPtr, pathLen);
    }

    public int path_rename(int fd, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        return path.rename(fd, oldPath, oldPathLen, newFd, newPath, newPathLen);
    }

    public int path_symlink(int oldPath, int oldPathLen, int fd, int newPath, int newPathLen) {
        return path.symlink(oldPath, oldPathLen, fd, newPath, newPathLen);
    }

    public int path_unlink_file(int fd, int pathPtr, int pathLen) {
        return path.unlinkFile(fd, pathPtr, pathLen);
    }

    public int poll_oneoff(int in, int out, int nsubscriptions, int neventsOut) {
        return poll.pollOneoff(in, out, nsubscriptions, neventsOut);
    }

    /** Never returns normally: throws {@link WasiExit}. */
    public void proc_exit(int code) {
        proc.exit(code);
    }

    public int proc_raise(int signal) {
        return proc.raise(signal);
    }

    public int sched_yield() {
        return Errno.SUCCESS;
    }

    public int random_get(int buf, int bufLen) {
        return proc.randomGet(buf, bufLen);
    }

    public int sock_accept(int fd, int flags, int fdOut) {
        return sockets.accept(fd, flags, fdOut);
    }

    public int sock_recv(int fd, int riData, int riDataLen, int riFlags, int roDataLenOut, int roFlagsOut) {
        return sockets.recv(fd, riData, riDataLen, riFlags, roDataLenOut, roFlagsOut);
    }

    public int sock_send(int fd, int siData, int siDataLen, int siFlags, int soDataLenOut) {
        return sockets.send(fd, siData, siDataLen, siFlags, soDataLenOut);
    }

    public int sock_shutdown(int fd, int how) {
        return sockets.shutdown(fd, how);
    }
}
