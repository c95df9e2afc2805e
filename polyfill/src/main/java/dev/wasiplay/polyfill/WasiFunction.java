package dev.wasiplay.polyfill;

/**
 * The imports of wasi_snapshot_preview1 with their wasm signatures, for engines that bind imports
 * generically. In {@link #params}, 'i' is an i32 and 'I' an i64; every function returns one i32 errno
 * except proc_exit, which returns nothing.
 */
public enum WasiFunction {
    ARGS_GET("args_get", "ii"),
    ARGS_SIZES_GET("args_sizes_get", "ii"),
    ENVIRON_GET("environ_get", "ii"),
    ENVIRON_SIZES_GET("environ_sizes_get", "ii"),
    CLOCK_RES_GET("clock_res_get", "ii"),
    CLOCK_TIME_GET("clock_time_get", "iIi"),
    FD_ADVISE("fd_advise", "iIIi"),
    FD_ALLOCATE("fd_allocate", "iII"),
    FD_CLOSE("fd_close", "i"),
    FD_DATASYNC("fd_datasync", "i"),
    FD_FDSTAT_GET("fd_fdstat_get", "ii"),
    FD_FDSTAT_SET_FLAGS("fd_fdstat_set_flags", "ii"),
    FD_FDSTAT_SET_RIGHTS("fd_fdstat_set_rights", "iII"),
    FD_FILESTAT_GET("fd_filestat_get", "ii"),
    FD_FILESTAT_SET_SIZE("fd_filestat_set_size", "iI"),
    FD_FILESTAT_SET_TIMES("fd_filestat_set_times", "iIIi"),
    FD_PREAD("fd_pread", "iiiIi"),
    FD_PRESTAT_GET("fd_prestat_get", "ii"),
    FD_PRESTAT_DIR_NAME("fd_prestat_dir_name", "iii"),
    FD_PWRITE("fd_pwrite", "iiiIi"),
    FD_READ("fd_read", "iiii"),
    FD_READDIR("fd_readdir", "iiiIi"),
    FD_RENUMBER("fd_renumber", "ii"),
    FD_SEEK("fd_seek", "iIii"),
    FD_SYNC("fd_sync", "i"),
    FD_TELL("fd_tell", "ii"),
    FD_WRITE("fd_write", "iiii"),
    PATH_CREATE_DIRECTORY("path_create_directory", "iii"),
    PATH_FILESTAT_GET("path_filestat_get", "iiiii"),
    PATH_FILESTAT_SET_TIMES("path_filestat_set_times", "iiiiIIi"),
    PATH_LINK("path_link", "iiiiiii"),
    PATH_OPEN("path_open", "iiiiiIIii"),
    PATH_READLINK("path_readlink", "iiiiii"),
    PATH_REMOVE_DIRECTORY("path_remove_directory", "iii"),
    PATH_RENAME("path_rename", "iiiiii"),
    PATH_SYMLINK("path_symlink", "iiiii"),
    PATH_UNLINK_FILE("path_unlink_file", "iii"),
    POLL_ONEOFF("poll_oneoff", "iiii"),
    PROC_EXIT("proc_exit", "i"),
    PROC_RAISE("proc_raise", "i"),
    SCHED_YIELD("sched_yield", ""),
    RANDOM_GET("random_get", "ii"),
    SOCK_ACCEPT("sock_accept", "iii"),
    SOCK_RECV("sock_recv", "iiiiii"),
    SOCK_SEND("sock_send", "iiiii"),
    SOCK_SHUTDOWN("sock_shutdown", "ii");

    /** The import's field name. */
    public final String importName;
    /** Parameter types: 'i' = i32, 'I' = i64. */
    public final String params;

    WasiFunction(String importName, String params) {
        this.importName = importName;
        this.params = params;
    }

    /** Whether the function returns an i32 errno (all but proc_exit). */
    public boolean returnsErrno() {
        return this != PROC_EXIT;
    }

    /**
     * Calls the function with wasm arguments widened to long (i32 values in the low 32 bits).
     *
     * @return the errno (0 for proc_exit, which throws instead of returning)
     */
    public int invoke(WasiPreview1 w, long[] a) {
        switch (this) {
            case ARGS_GET: return w.args_get(i(a, 0), i(a, 1));
            case ARGS_SIZES_GET: return w.args_sizes_get(i(a, 0), i(a, 1));
            case ENVIRON_GET: return w.environ_get(i(a, 0), i(a, 1));
            case ENVIRON_SIZES_GET: return w.environ_sizes_get(i(a, 0), i(a, 1));
            case CLOCK_RES_GET: return w.clock_res_get(i(a, 0), i(a, 1));
            case CLOCK_TIME_GET: return w.clock_time_get(i(a, 0), a[1], i(a, 2));
            case FD_ADVISE: return w.fd_advise(i(a, 0), a[1], a[2], i(a, 3));
            case FD_ALLOCATE: return w.fd_allocate(i(a, 0), a[1], a[2]);
            case FD_CLOSE: return w.fd_close(i(a, 0));
            case FD_DATASYNC: return w.fd_datasync(i(a, 0));
            case FD_FDSTAT_GET: return w.fd_fdstat_get(i(a, 0), i(a, 1));
            case FD_FDSTAT_SET_FLAGS: return w.fd_fdstat_set_flags(i(a, 0), i(a, 1));
            case FD_FDSTAT_SET_RIGHTS: return w.fd_fdstat_set_rights(i(a, 0), a[1], a[2]);
            case FD_FILESTAT_GET: return w.fd_filestat_get(i(a, 0), i(a, 1));
            case FD_FILESTAT_SET_SIZE: return w.fd_filestat_set_size(i(a, 0), a[1]);
            case FD_FILESTAT_SET_TIMES: return w.fd_filestat_set_times(i(a, 0), a[1], a[2], i(a, 3));
            case FD_PREAD: return w.fd_pread(i(a, 0), i(a, 1), i(a, 2), a[3], i(a, 4));
            case FD_PRESTAT_GET: return w.fd_prestat_get(i(a, 0), i(a, 1));
            case FD_PRESTAT_DIR_NAME: return w.fd_prestat_dir_name(i(a, 0), i(a, 1), i(a, 2));
            case FD_PWRITE: return w.fd_pwrite(i(a, 0), i(a, 1), i(a, 2), a[3], i(a, 4));
            case FD_READ: return w.fd_read(i(a, 0), i(a, 1), i(a, 2), i(a, 3));
            case FD_READDIR: return w.fd_readdir(i(a, 0), i(a, 1), i(a, 2), a[3], i(a, 4));
            case FD_RENUMBER: return w.fd_renumber(i(a, 0), i(a, 1));
            case FD_SEEK: return w.fd_seek(i(a, 0), a[1], i(a, 2), i(a, 3));
            case FD_SYNC: return w.fd_sync(i(a, 0));
            case FD_TELL: return w.fd_tell(i(a, 0), i(a, 1));
            case FD_WRITE: return w.fd_write(i(a, 0), i(a, 1), i(a, 2), i(a, 3));
            case PATH_CREATE_DIRECTORY: return w.path_create_directory(i(a, 0), i(a, 1), i(a, 2));
            case PATH_FILESTAT_GET: return w.path_filestat_get(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4));
            case PATH_FILESTAT_SET_TIMES:
                return w.path_filestat_set_times(i(a, 0), i(a, 1), i(a, 2), i(a, 3), a[4], a[5], i(a, 6));
            case PATH_LINK: return w.path_link(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5), i(a, 6));
            case PATH_OPEN:
                return w.path_open(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), a[5], a[6], i(a, 7), i(a, 8));
            case PATH_READLINK: return w.path_readlink(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5));
            case PATH_REMOVE_DIRECTORY: return w.path_remove_directory(i(a, 0), i(a, 1), i(a, 2));
            case PATH_RENAME: return w.path_rename(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5));
            case PATH_SYMLINK: return w.path_symlink(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4));
            case PATH_UNLINK_FILE: return w.path_unlink_file(i(a, 0), i(a, 1), i(a, 2));
            case POLL_ONEOFF: return w.poll_oneoff(i(a, 0), i(a, 1), i(a, 2), i(a, 3));
            case PROC_EXIT:
                w.proc_exit(i(a, 0));
                return Errno.SUCCESS;
            case PROC_RAISE: return w.proc_raise(i(a, 0));
            case SCHED_YIELD: return w.sched_yield();
            case RANDOM_GET: return w.random_get(i(a, 0), i(a, 1));
            case SOCK_ACCEPT: return w.sock_accept(i(a, 0), i(a, 1), i(a, 2));
            case SOCK_RECV: return w.sock_recv(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5));
            case SOCK_SEND: return w.sock_send(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4));
            case SOCK_SHUTDOWN: return w.sock_shutdown(i(a, 0), i(a, 1));
            default: return Errno.NOSYS;
        }
    }

    private static int i(long[] args, int index) {
        return (int) args[index];
    }
}
