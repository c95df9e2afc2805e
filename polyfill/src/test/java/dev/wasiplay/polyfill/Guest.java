package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A pretend guest for JVM tests: 64 KiB of memory with a bump allocator, the polyfill wired to it,
 * stdout/stderr captured, and "/" preopened at fd 3 over {@link #fs}.
 */
final class Guest {
    static final int ROOT_FD = 3;

    final VirtualFileSystem fs;
    final ByteArrayMemory memory = new ByteArrayMemory(65536);
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final WasiPreview1 wasi;
    private int next = 1024;

    Guest() {
        this(WasiOptions.builder());
    }

    Guest(WasiOptions.Builder options) {
        this(new VirtualFileSystem(), options);
    }

    /** A guest over a tree of the caller's (preopened as "/"). */
    Guest(VirtualFileSystem fs, WasiOptions.Builder options) {
        this.fs = fs;
        wasi = new WasiPreview1(options
                .stdout(stdout::write)
                .stderr(stderr::write)
                .preopen("/", fs.root())
                .build());
        wasi.attach(memory);
    }

    /** Reserves {@code size} bytes (8-aligned) and returns the address. */
    int alloc(int size) {
        int at = next;
        next += (size + 7) & ~7;
        return at;
    }

    /** Writes a string (no NUL) and returns its address; its length is {@link #len}. */
    int str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int at = alloc(b.length);
        memory.write(at, b, 0, b.length);
        return at;
    }

    static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One iovec over {@code data}, returns the iovec array address. */
    int iovec(byte[] data) {
        int buf = alloc(data.length);
        memory.write(buf, data, 0, data.length);
        int iov = alloc(8);
        memory.putInt(iov, buf);
        memory.putInt(iov + 4, data.length);
        return iov;
    }

    int i32(int address) {
        return memory.getInt(address);
    }

    long i64(int address) {
        return memory.getLong(address);
    }

    String string(int address, int length) {
        return new String(memory.bytes, address, length, StandardCharsets.UTF_8);
    }

    /** path_open relative to the root preopen; returns the fd or throws with the errno name. */
    int open(String path, int oflags, long rights, int fdflags) {
        int out = alloc(4);
        int err = wasi.path_open(ROOT_FD, Flags.LOOKUP_SYMLINK_FOLLOW, str(path), len(path), oflags, rights, rights,
                fdflags, out);
        if (err != Errno.SUCCESS) {
            throw new AssertionError("path_open(" + path + ") = " + Errno.name(err));
        }
        return i32(out);
    }

    int openErrno(String path, int oflags, long rights) {
        return wasi.path_open(ROOT_FD, Flags.LOOKUP_SYMLINK_FOLLOW, str(path), len(path), oflags, rights, rights, 0,
                alloc(4));
    }

    int write(int fd, String text) {
        int out = alloc(4);
        int err = wasi.fd_write(fd, iovec(text.getBytes(StandardCharsets.UTF_8)), 1, out);
        if (err != Errno.SUCCESS) {
            throw new AssertionError("fd_write = " + Errno.name(err));
        }
        return i32(out);
    }

    String read(int fd, int max) {
        int buf = alloc(max);
        int iov = alloc(8);
        memory.putInt(iov, buf);
        memory.putInt(iov + 4, max);
        int out = alloc(4);
        int err = wasi.fd_read(fd, iov, 1, out);
        if (err != Errno.SUCCESS) {
            throw new AssertionError("fd_read = " + Errno.name(err));
        }
        return string(buf, i32(out));
    }
}
