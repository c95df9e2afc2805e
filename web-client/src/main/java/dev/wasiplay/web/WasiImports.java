package dev.wasiplay.web;

import dev.wasiplay.polyfill.WasiFunction;
import dev.wasiplay.polyfill.WasiPreview1;
import dev.wasiplay.web.js.WasiFunctions;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSObjects;

/**
 * The import object for one instance: {@code {wasi_snapshot_preview1: {args_get: f, ...}}}, each function
 * calling the matching {@link WasiPreview1} method directly (no argument arrays, nothing allocated per call).
 */
final class WasiImports {
    private WasiImports() {
    }

    static JSObject create(WasiPreview1 wasi) {
        JSObject functions = JSObjects.create();
        for (WasiFunction function : WasiFunction.values()) {
            WasiFunctions.set(functions, function.importName, bind(function, wasi));
        }
        JSObject imports = JSObjects.create();
        WasiFunctions.set(imports, WasiPreview1.MODULE, functions);
        return imports;
    }

    private static JSObject bind(WasiFunction function, WasiPreview1 w) {
        switch (function) {
            case ARGS_GET: return WasiFunctions.i32x2(w::args_get);
            case ARGS_SIZES_GET: return WasiFunctions.i32x2(w::args_sizes_get);
            case ENVIRON_GET: return WasiFunctions.i32x2(w::environ_get);
            case ENVIRON_SIZES_GET: return WasiFunctions.i32x2(w::environ_sizes_get);
            case CLOCK_RES_GET: return WasiFunctions.i32x2(w::clock_res_get);
            case CLOCK_TIME_GET: return WasiFunctions.i32i64i32(w::clock_time_get);
            case FD_ADVISE: return WasiFunctions.i32i64i64i32(w::fd_advise);
            case FD_ALLOCATE: return WasiFunctions.i32i64i64(w::fd_allocate);
            case FD_CLOSE: return WasiFunctions.i32(w::fd_close);
            case FD_DATASYNC: return WasiFunctions.i32(w::fd_datasync);
            case FD_FDSTAT_GET: return WasiFunctions.i32x2(w::fd_fdstat_get);
            case FD_FDSTAT_SET_FLAGS: return WasiFunctions.i32x2(w::fd_fdstat_set_flags);
            case FD_FDSTAT_SET_RIGHTS: return WasiFunctions.i32i64i64(w::fd_fdstat_set_rights);
            case FD_FILESTAT_GET: return WasiFunctions.i32x2(w::fd_filestat_get);
            case FD_FILESTAT_SET_SIZE: return WasiFunctions.i32i64(w::fd_filestat_set_size);
            case FD_FILESTAT_SET_TIMES: return WasiFunctions.i32i64i64i32(w::fd_filestat_set_times);
            case FD_PREAD: return WasiFunctions.i32x3i64i32(w::fd_pread);
            case FD_PRESTAT_GET: return WasiFunctions.i32x2(w::fd_prestat_get);
            case FD_PRESTAT_DIR_NAME: return WasiFunctions.i32x3(w::fd_prestat_dir_name);
            case FD_PWRITE: return WasiFunctions.i32x3i64i32(w::fd_pwrite);
            case FD_READ: return WasiFunctions.i32x4(w::fd_read);
            case FD_READDIR: return WasiFunctions.i32x3i64i32(w::fd_readdir);
            case FD_RENUMBER: return WasiFunctions.i32x2(w::fd_renumber);
            case FD_SEEK: return WasiFunctions.i32i64i32i32(w::fd_seek);
            case FD_SYNC: return WasiFunctions.i32(w::fd_sync);
            case FD_TELL: return WasiFunctions.i32x2(w::fd_tell);
            case FD_WRITE: return WasiFunctions.i32x4(w::fd_write);
            case PATH_CREATE_DIRECTORY: return WasiFunctions.i32x3(w::path_create_directory);
            case PATH_FILESTAT_GET: return WasiFunctions.i32x5(w::path_filestat_get);
            case PATH_FILESTAT_SET_TIMES: return WasiFunctions.i32x4i64i64i32(w::path_filestat_set_times);
            case PATH_LINK: return WasiFunctions.i32x7(w::path_link);
            case PATH_OPEN: return WasiFunctions.i32x5i64i64i32i32(w::path_open);
            case PATH_READLINK: return WasiFunctions.i32x6(w::path_readlink);
            case PATH_REMOVE_DIRECTORY: return WasiFunctions.i32x3(w::path_remove_directory);
            case PATH_RENAME: return WasiFunctions.i32x6(w::path_rename);
            case PATH_SYMLINK: return WasiFunctions.i32x5(w::path_symlink);
            case PATH_UNLINK_FILE: return WasiFunctions.i32x3(w::path_unlink_file);
            case POLL_ONEOFF: return WasiFunctions.i32x4(w::poll_oneoff);
            case PROC_EXIT: return WasiFunctions.exit(w::proc_exit);
            case PROC_RAISE: return WasiFunctions.i32(w::proc_raise);
            case SCHED_YIELD: return WasiFunctions.noParams(w::sched_yield);
            case RANDOM_GET: return WasiFunctions.i32x2(w::random_get);
            case SOCK_ACCEPT: return WasiFunctions.i32x3(w::sock_accept);
            case SOCK_RECV: return WasiFunctions.i32x6(w::sock_recv);
            case SOCK_SEND: return WasiFunctions.i32x5(w::sock_send);
            case SOCK_SHUTDOWN: return WasiFunctions.i32x2(w::sock_shutdown);
            default: throw new IllegalStateException("no JavaScript binding for " + function.importName);
        }
    }
}
