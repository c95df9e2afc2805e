package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;

/**
 * The fd_* calls. Each follows wasmtime's order of checks: argument values (OVERFLOW/INVAL), then the
 * iovecs (trap), then the descriptor (BADF, or SPIPE for stdio where a position is needed), then rights
 * given up (NOTCAPABLE), then the operation. Reads and writes use only the first non-empty iovec, as
 * wasmtime does, so a multi-iovec call may be short; libc loops. Nothing here allocates per call.
 */
final class FdCalls {
    private static final int DIRENT_HEADER = 24;
    private static final byte[] DOT = {'.'};
    private static final byte[] DOT_DOT = {'.', '.'};

    private final WasiState state;
    private final Memory mem;
    private final FdTable fds;
    /** The iovec picked by {@link #firstNonEmpty}. */
    private int ioBase;
    private int ioLength;
    private final byte[] dirent = new byte[DIRENT_HEADER];

    FdCalls(WasiState state) {
        this.state = state;
        this.mem = state.mem;
        this.fds = state.fds;
    }

    // ---- reading and writing ----

    /**
     * Finds the first iovec with a non-zero length (wasmtime reads and writes only that one) and checks
     * its buffer; leaves an empty range when all are empty. Traps on an out-of-bounds or misaligned array
     * element or buffer.
     */
    private void firstNonEmpty(int iovs, int iovsLen) {
        ioBase = 0;
        ioLength = 0;
        // int arithmetic (a long is a BigInt in the browser): i counts up to iovsLen as an unsigned number
        for (int i = 0; Integer.compareUnsigned(i, iovsLen) < 0; i++) {
            int at = i == 0 ? iovs : mem.address(iovs, 8L * (i & 0xFFFFFFFFL));
            mem.check(at, 8, 4);
            int buf = mem.rawU32(at);
            int len = mem.rawU32(at + 4);
            if (len == 0) {
                continue;
            }
            mem.check(buf, len, 1);
            ioBase = buf;
            ioLength = len;
            return;
        }
    }

    int write(int fd, int iovs, int iovsLen, int nwrittenOut) {
        mem.begin("fd_write");
        firstNonEmpty(iovs, iovsLen);
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        switch (d.kind) {
            case Descriptor.FILE: {
                if (!d.writable) {
                    return Errno.BADF;
                }
                if (d.revoked(Rights.FD_WRITE)) {
                    return Errno.NOTCAPABLE;
                }
                mem.check(nwrittenOut, 4, 4);
                FileNode file = d.file();
                long at = d.append ? file.size() : d.position;
                int err = writeFile(file, at);
                if (err != Errno.SUCCESS) {
                    return err;
                }
                d.position = d.append ? file.size() : at + ioLength;
                mem.rawPutU32(nwrittenOut, ioLength);
                return Errno.SUCCESS;
            }
            case Descriptor.STDOUT:
            case Descriptor.STDERR: {
                if (d.revoked(Rights.FD_WRITE)) {
                    return Errno.NOTCAPABLE;
                }
                mem.check(nwrittenOut, 4, 4);
                if (ioLength > 0) {
                    byte[] buf = mem.scratch(ioLength);
                    mem.read(ioBase, buf, 0, ioLength);
                    (d.kind == Descriptor.STDOUT ? state.options.stdout : state.options.stderr).write(buf, 0, ioLength);
                }
                mem.rawPutU32(nwrittenOut, ioLength);
                return Errno.SUCCESS;
            }
            default:
                return Errno.BADF;
        }
    }

    int pwrite(int fd, int iovs, int iovsLen, long offset, int nwrittenOut) {
        mem.begin("fd_pwrite");
        firstNonEmpty(iovs, iovsLen);
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.kind == Descriptor.STDOUT || d.kind == Descriptor.STDERR) {
            return Errno.SPIPE;
        }
        if (!d.isFile() || !d.writable) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_WRITE | Rights.FD_SEEK)) {
            return Errno.NOTCAPABLE;
        }
        if (offset < 0) {
            return Errno.INVAL;
        }
        mem.check(nwrittenOut, 4, 4);
        // Linux pwrite on an O_APPEND file ignores the offset and appends; wasmtime keeps that.
        FileNode file = d.file();
        int err = writeFile(file, d.append ? file.size() : offset);
        if (err != Errno.SUCCESS) {
            return err;
        }
        mem.rawPutU32(nwrittenOut, ioLength);
        return Errno.SUCCESS;
    }

    /** Copies the chosen iovec into {@code file} at {@code at}, zero-filling any gap; FBIG past the size limit. */
    private int writeFile(FileNode file, long at) {
        if (ioLength == 0) {
            return Errno.SUCCESS;
        }
        byte[] data = file.reserve(at, ioLength);
        if (data == null) {
            return Errno.FBIG;
        }
        mem.read(ioBase, data, (int) at, ioLength);
        file.written(at + ioLength);
        return Errno.SUCCESS;
    }

    int read(int fd, int iovs, int iovsLen, int nreadOut) {
        mem.begin("fd_read");
        firstNonEmpty(iovs, iovsLen);
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.isFile()) {
            if (!d.readable) {
                return Errno.BADF;
            }
            if (d.revoked(Rights.FD_READ)) {
                return Errno.NOTCAPABLE;
            }
            mem.check(nreadOut, 4, 4);
            int n = readFile(d.file(), d.position);
            d.position += n;
            mem.rawPutU32(nreadOut, n);
            return Errno.SUCCESS;
        }
        if (d.kind == Descriptor.STDIN) {
            if (d.revoked(Rights.FD_READ)) {
                return Errno.NOTCAPABLE;
            }
            mem.check(nreadOut, 4, 4);
            int n = 0;
            if (ioLength > 0) {
                byte[] buf = mem.scratch(Math.min(ioLength, 65536));
                n = state.options.stdin.read(buf, 0, Math.min(ioLength, buf.length));
                if (n > 0) {
                    mem.write(ioBase, buf, 0, n);
                } else {
                    n = 0;
                }
            }
            mem.rawPutU32(nreadOut, n);
            return Errno.SUCCESS;
        }
        return Errno.BADF;
    }

    int pread(int fd, int iovs, int iovsLen, long offset, int nreadOut) {
        mem.begin("fd_pread");
        firstNonEmpty(iovs, iovsLen);
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.kind == Descriptor.STDIN) {
            return Errno.SPIPE;
        }
        if (!d.isFile() || !d.readable) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_READ | Rights.FD_SEEK)) {
            return Errno.NOTCAPABLE;
        }
        if (offset < 0) {
            return Errno.INVAL;
        }
        mem.check(nreadOut, 4, 4);
        mem.rawPutU32(nreadOut, readFile(d.file(), offset));
        return Errno.SUCCESS;
    }

    /** Copies file bytes from {@code position} into the chosen iovec; returns how many. */
    private int readFile(FileNode file, long position) {
        long available = file.size() - position;
        if (available <= 0 || ioLength == 0) {
            return 0;
        }
        int n = (int) Math.min(ioLength & 0xFFFFFFFFL, available);
        mem.write(ioBase, file.data(), (int) position, n);
        return n;
    }

    // ---- position ----

    int seek(int fd, long offset, int whence, int newOffsetOut) {
        int err = Flags.enumeration(whence, 8, 3);
        if (err != Errno.SUCCESS) {
            return err;
        }
        mem.begin("fd_seek");
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.isStdio()) {
            return Errno.SPIPE;
        }
        if (!d.isFile()) {
            return Errno.BADF;
        }
        boolean tellOnly = whence == Flags.WHENCE_CUR && offset == 0;
        if (d.revoked(tellOnly ? Rights.FD_TELL : Rights.FD_SEEK)) {
            return Errno.NOTCAPABLE;
        }
        long base;
        switch (whence) {
            case Flags.WHENCE_SET:
                base = 0;
                break;
            case Flags.WHENCE_CUR:
                base = d.position;
                break;
            default:
                base = d.file().size();
                break;
        }
        long target = base + offset;
        if ((whence == Flags.WHENCE_SET && offset < 0) || target < 0 || (offset > 0 && target < base)) {
            return Errno.INVAL;
        }
        mem.check(newOffsetOut, 8, 8);
        d.position = target;
        mem.rawPutU64(newOffsetOut, target);
        return Errno.SUCCESS;
    }

    int tell(int fd, int offsetOut) {
        mem.begin("fd_tell");
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.isStdio()) {
            return Errno.SPIPE;
        }
        if (!d.isFile()) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_TELL)) {
            return Errno.NOTCAPABLE;
        }
        mem.putU64(offsetOut, d.position);
        return Errno.SUCCESS;
    }

    // ---- descriptor state ----

    int close(int fd) {
        return fds.close(fd) ? Errno.SUCCESS : Errno.BADF;
    }

    int renumber(int from, int to) {
        if (fds.get(from) == null || fds.get(to) == null) {
            return Errno.BADF;
        }
        if (from != to) {
            fds.renumber(from, to);
        }
        return Errno.SUCCESS;
    }

    int fdstatGet(int fd, int out) {
        mem.begin("fd_fdstat_get");
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        mem.check(out, 24, 8);
        int flags = (d.append ? Flags.FDFLAG_APPEND : 0) | (d.nonblock ? Flags.FDFLAG_NONBLOCK : 0);
        mem.rawPutU8(out, filetype(d));
        mem.rawPutU16(out + 2, flags);
        mem.rawPutU64(out + 8, d.rightsBase());
        mem.rawPutU64(out + 16, d.rightsInheriting());
        return Errno.SUCCESS;
    }

    /** Only APPEND and NONBLOCK can change, and only on files (wasmtime). */
    int fdstatSetFlags(int fd, int flags) {
        int err = Flags.flags(flags, 16, Flags.FDFLAGS_ALL);
        if (err != Errno.SUCCESS) {
            return err;
        }
        Descriptor d = fds.get(fd);
        if (d == null || !d.isFile()) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_FDSTAT_SET_FLAGS)) {
            return Errno.NOTCAPABLE;
        }
        if ((flags & (Flags.FDFLAG_DSYNC | Flags.FDFLAG_SYNC | Flags.FDFLAG_RSYNC)) != 0) {
            return Errno.INVAL;
        }
        d.append = (flags & Flags.FDFLAG_APPEND) != 0;
        d.nonblock = (flags & Flags.FDFLAG_NONBLOCK) != 0;
        return Errno.SUCCESS;
    }

    /**
     * Narrows a descriptor's rights (wasmtime answers NOTSUP here; the polyfill implements the spec): the
     * new sets must be subsets of the current ones, else NOTCAPABLE.
     */
    int fdstatSetRights(int fd, long base, long inheriting) {
        int err = Flags.rights(base);
        if (err == Errno.SUCCESS) {
            err = Flags.rights(inheriting);
        }
        if (err != Errno.SUCCESS) {
            return err;
        }
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        long currentBase = d.rightsBase();
        long currentInheriting = d.rightsInheriting();
        if ((base & ~currentBase) != 0 || (inheriting & ~currentInheriting) != 0) {
            return Errno.NOTCAPABLE;
        }
        d.revokedBase |= currentBase & ~base;
        d.revokedInheriting |= currentInheriting & ~inheriting;
        d.inheritingNarrowed |= inheriting != currentInheriting;
        return Errno.SUCCESS;
    }

    int advise(int fd, long offset, long len, int advice) {
        int err = Flags.enumeration(advice, 8, Flags.ADVICE_COUNT);
        if (err != Errno.SUCCESS) {
            return err;
        }
        Descriptor d = fds.get(fd);
        if (d == null || !d.isFile()) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_ADVISE)) {
            return Errno.NOTCAPABLE;
        }
        return offset < 0 || len < 0 ? Errno.INVAL : Errno.SUCCESS;
    }

    /** wasmtime no longer implements fd_allocate: NOTSUP for every file (BADF for anything else). */
    int allocate(int fd, long offset, long len) {
        Descriptor d = fds.get(fd);
        if (d == null || !d.isFile()) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_ALLOCATE)) {
            return Errno.NOTCAPABLE;
        }
        return Errno.NOTSUP;
    }

    /** fd_sync and fd_datasync: nothing to flush in memory; only files qualify (BADF otherwise, as wasmtime). */
    int sync(int fd, long right) {
        Descriptor d = fds.get(fd);
        if (d == null || !d.isFile()) {
            return Errno.BADF;
        }
        return d.revoked(right) ? Errno.NOTCAPABLE : Errno.SUCCESS;
    }

    // ---- stat ----

    int filestatGet(int fd, int out) {
        mem.begin("fd_filestat_get");
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_FILESTAT_GET)) {
            return Errno.NOTCAPABLE;
        }
        mem.check(out, 64, 8);
        if (d.isStdio()) {
            // wasmtime: everything zero but the file type
            mem.rawPutU64(out, 0);
            mem.rawPutU64(out + 8, 0);
            mem.rawPutU8(out + 16, filetype(d));
            for (int at = 24; at < 64; at += 8) {
                mem.rawPutU64(out + at, 0);
            }
        } else {
            putFilestat(mem, out, d.node);
        }
        return Errno.SUCCESS;
    }

    int filestatSetSize(int fd, long size) {
        Descriptor d = fds.get(fd);
        if (d == null || !d.isFile()) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_FILESTAT_SET_SIZE)) {
            return Errno.NOTCAPABLE;
        }
        if (!d.writable || size < 0) {
            return Errno.INVAL;
        }
        if (size > VirtualFileSystem.MAX_FILE_SIZE) {
            return Errno.FBIG;
        }
        return d.file().setSize(size) ? Errno.SUCCESS : Errno.FBIG;
    }

    int filestatSetTimes(int fd, long atim, long mtim, int fstFlags) {
        int err = checkTimes(fstFlags);
        if (err != Errno.SUCCESS) {
            return err;
        }
        Descriptor d = fds.get(fd);
        if (d == null || d.isStdio()) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_FILESTAT_SET_TIMES)) {
            return Errno.NOTCAPABLE;
        }
        setTimes(d.node, atim, mtim, fstFlags);
        return Errno.SUCCESS;
    }

    /** Checks fstflags: OVERFLOW/INVAL for bad bits, INVAL when a time is both given and "now". */
    static int checkTimes(int fstFlags) {
        int err = Flags.flags(fstFlags, 16, Flags.FSTFLAGS_ALL);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if ((fstFlags & (Flags.FST_ATIM | Flags.FST_ATIM_NOW)) == (Flags.FST_ATIM | Flags.FST_ATIM_NOW)
                || (fstFlags & (Flags.FST_MTIM | Flags.FST_MTIM_NOW)) == (Flags.FST_MTIM | Flags.FST_MTIM_NOW)) {
            return Errno.INVAL;
        }
        return Errno.SUCCESS;
    }

    /**
     * Applies checked fstflags; "now" is the tree's clock, like every other timestamp of the tree. As with
     * utimensat, changing a time also sets ctim, and flags of 0 change nothing at all.
     */
    static void setTimes(Node node, long atim, long mtim, int fstFlags) {
        if (fstFlags == 0) {
            return;
        }
        long now = node.fileSystem().now();
        if ((fstFlags & Flags.FST_ATIM) != 0) {
            node.atim = atim;
        } else if ((fstFlags & Flags.FST_ATIM_NOW) != 0) {
            node.atim = now;
        }
        if ((fstFlags & Flags.FST_MTIM) != 0) {
            node.mtim = mtim;
        } else if ((fstFlags & Flags.FST_MTIM_NOW) != 0) {
            node.mtim = now;
        }
        node.ctim = now;
    }

    /** Writes a 64-byte filestat (checked by the caller): dev, ino, filetype, nlink, size, atim, mtim, ctim. */
    static void putFilestat(Memory mem, int out, Node node) {
        mem.rawPutU64(out, node.dev());
        mem.rawPutU64(out + 8, node.ino());
        mem.rawPutU8(out + 16, node.filetype());
        mem.rawPutU64(out + 24, node.nlink());
        mem.rawPutU64(out + 32, node.size());
        mem.rawPutU64(out + 40, node.atim);
        mem.rawPutU64(out + 48, node.mtim);
        mem.rawPutU64(out + 56, node.ctim);
    }

    private byte filetype(Descriptor d) {
        if (d.isStdio()) {
            return state.options.stdioIsTerminal ? Flags.FILETYPE_CHARACTER_DEVICE : Flags.FILETYPE_UNKNOWN;
        }
        return d.node.filetype();
    }

    // ---- preopens ----

    int prestatGet(int fd, int out) {
        mem.begin("fd_prestat_get");
        Descriptor d = fds.get(fd);
        if (d == null || d.preopenName == null) {
            return Errno.BADF;
        }
        mem.check(out, 8, 4);
        mem.rawPutU8(out, 0);
        mem.rawPutU32(out + 4, d.preopenName.length);
        return Errno.SUCCESS;
    }

    int prestatDirName(int fd, int pathOut, int pathLen) {
        mem.begin("fd_prestat_dir_name");
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.preopenName == null) {
            return Errno.NOTDIR;
        }
        byte[] name = d.preopenName;
        if ((pathLen & 0xFFFFFFFFL) < name.length) {
            return Errno.NAMETOOLONG;
        }
        if (name.length > 0) {
            mem.write(pathOut, name, 0, name.length);
        }
        return Errno.SUCCESS;
    }

    // ---- readdir ----

    /**
     * Fills {@code buf} with dirents after {@code cookie}: "." (cookie 1), ".." (cookie 2), then the
     * entries in the order they were added. Like wasmtime, ".." carries the directory's own inode and the
     * last dirent is cut short when it does not fit (bufused == buf_len tells the guest to read again
     * from the last whole entry's cookie).
     */
    int readdir(int fd, int buf, int bufLen, long cookie, int bufUsedOut) {
        mem.begin("fd_readdir");
        Descriptor d = fds.get(fd);
        if (d == null || !d.isDirectory()) {
            return Errno.BADF;
        }
        if (d.revoked(Rights.FD_READDIR)) {
            return Errno.NOTCAPABLE;
        }
        DirNode dir = d.directory();
        if (dir.isRemoved()) {
            // Linux's getdents on a removed directory answers ENOENT, and wasmtime passes it on
            return Errno.NOENT;
        }
        mem.check(bufUsedOut, 4, 4);
        long capacity = bufLen & 0xFFFFFFFFL;
        long used = 0;
        if (cookie >= 0 && cookie < 1) {
            used = dirent(buf, capacity, used, 1, dir.ino(), DOT, DOT.length, Node.TYPE_DIRECTORY);
        }
        if (cookie >= 0 && cookie < 2 && used < capacity) {
            used = dirent(buf, capacity, used, 2, dir.ino(), DOT_DOT, DOT_DOT.length, Node.TYPE_DIRECTORY);
        }
        if (cookie >= 0) {
            int count = dir.entryCount();
            for (int i = dir.firstIndexAfter(cookie); i < count && used < capacity; i++) {
                DirNode.Entry e = dir.entryAt(i);
                byte[] name = e.nameBytes();
                used = dirent(buf, capacity, used, e.cookie(), e.node.ino(), name, name.length, e.node.filetype());
            }
        }
        mem.rawPutU32(bufUsedOut, (int) used);
        return Errno.SUCCESS;
    }

    private long dirent(int buf, long capacity, long used, long next, long ino, byte[] name, int nameLength,
            byte type) {
        byte[] h = dirent;
        putLong(h, 0, next);
        putLong(h, 8, ino);
        putInt(h, 16, nameLength);
        h[20] = type;
        h[21] = 0;
        h[22] = 0;
        h[23] = 0;
        int headerBytes = (int) Math.min(DIRENT_HEADER, capacity - used);
        mem.write(mem.address(buf, used), h, 0, headerBytes);
        used += headerBytes;
        if (used >= capacity) {
            return capacity;
        }
        int nameBytes = (int) Math.min(nameLength, capacity - used);
        if (nameBytes > 0) {
            mem.write(mem.address(buf, used), name, 0, nameBytes);
        }
        return used + nameBytes;
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
