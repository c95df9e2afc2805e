package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;
import java.util.List;

/** The fd_* calls: reading, writing, seeking, stat and flags of open descriptors, and readdir. */
final class FdCalls {
    private static final int IOVEC_SIZE = 8;
    private static final int DIRENT_HEADER = 24;

    private final WasiState state;
    private final Memory mem;
    private final FdTable fds;

    FdCalls(WasiState state) {
        this.state = state;
        this.mem = state.mem;
        this.fds = state.fds;
    }

    // ---- reading and writing ----

    int write(int fd, int iovs, int iovsLen, int nwrittenOut) {
        Descriptor d = fds.get(fd);
        if (d == null || d.kind == Descriptor.STDIN || d.isDirectory()) {
            return Errno.BADF;
        }
        if (!d.has(Rights.FD_WRITE)) {
            return Errno.BADF;
        }
        try {
            mem.begin();
            mem.check(nwrittenOut, 4);
            long written;
            if (d.isStdio()) {
                written = writeStream(d.kind == Descriptor.STDOUT ? state.options.stdout : state.options.stderr,
                        iovs, iovsLen);
            } else {
                long at = (d.fdflags & Flags.FDFLAG_APPEND) != 0 ? d.file().size() : d.position;
                written = writeFile(d.file(), at, iovs, iovsLen);
                if (written < 0) {
                    return Errno.FBIG;
                }
                d.position = at + written;
            }
            mem.putI32(nwrittenOut, (int) written);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int pwrite(int fd, int iovs, int iovsLen, long offset, int nwrittenOut) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.isStdio()) {
            return Errno.SPIPE;
        }
        if (d.isDirectory() || !d.has(Rights.FD_WRITE)) {
            return Errno.BADF;
        }
        if (!d.has(Rights.FD_SEEK)) {
            return Errno.NOTCAPABLE;
        }
        if (offset < 0) {
            return Errno.INVAL;
        }
        try {
            mem.begin();
            mem.check(nwrittenOut, 4);
            long written = writeFile(d.file(), offset, iovs, iovsLen);
            if (written < 0) {
                return Errno.FBIG;
            }
            mem.putI32(nwrittenOut, (int) written);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int read(int fd, int iovs, int iovsLen, int nreadOut) {
        Descriptor d = fds.get(fd);
        if (d == null || d.kind == Descriptor.STDOUT || d.kind == Descriptor.STDERR) {
            return Errno.BADF;
        }
        if (d.isDirectory()) {
            return Errno.ISDIR;
        }
        if (!d.has(Rights.FD_READ)) {
            return Errno.BADF;
        }
        try {
            mem.begin();
            mem.check(nreadOut, 4);
            long n = d.kind == Descriptor.STDIN ? readStdin(iovs, iovsLen) : readFile(d.file(), d.position, iovs, iovsLen);
            if (d.isFile()) {
                d.position += n;
            }
            mem.putI32(nreadOut, (int) n);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int pread(int fd, int iovs, int iovsLen, long offset, int nreadOut) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.isStdio()) {
            return Errno.SPIPE;
        }
        if (d.isDirectory()) {
            return Errno.ISDIR;
        }
        if (!d.has(Rights.FD_READ)) {
            return Errno.BADF;
        }
        if (!d.has(Rights.FD_SEEK)) {
            return Errno.NOTCAPABLE;
        }
        if (offset < 0) {
            return Errno.INVAL;
        }
        try {
            mem.begin();
            mem.check(nreadOut, 4);
            long n = readFile(d.file(), offset, iovs, iovsLen);
            mem.putI32(nreadOut, (int) n);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    /** Gathers all iovecs and hands them to the sink in one call. */
    private long writeStream(OutputSink sink, int iovs, int iovsLen) {
        int total = totalLength(iovs, iovsLen);
        byte[] buf = mem.scratch(total);
        int at = 0;
        for (int i = 0; i < iovsLen; i++) {
            int base = mem.i32(iovs + i * IOVEC_SIZE);
            int len = mem.i32(iovs + i * IOVEC_SIZE + 4);
            mem.read(base, buf, at, len);
            at += len;
        }
        if (total > 0) {
            sink.write(buf, 0, total);
        }
        return total;
    }

    /** Writes the iovecs at {@code position}; returns bytes written, or -1 when the file would grow too big. */
    private long writeFile(FileNode file, long position, int iovs, int iovsLen) {
        int total = totalLength(iovs, iovsLen);
        byte[] buf = mem.scratch(total);
        int at = 0;
        for (int i = 0; i < iovsLen; i++) {
            int base = mem.i32(iovs + i * IOVEC_SIZE);
            int len = mem.i32(iovs + i * IOVEC_SIZE + 4);
            mem.read(base, buf, at, len);
            at += len;
        }
        if (total == 0) {
            return 0;
        }
        return file.write(position, buf, 0, total) ? total : -1;
    }

    private long readFile(FileNode file, long position, int iovs, int iovsLen) {
        long done = 0;
        for (int i = 0; i < iovsLen; i++) {
            int base = mem.i32(iovs + i * IOVEC_SIZE);
            int len = mem.i32(iovs + i * IOVEC_SIZE + 4);
            mem.check(base, len);
            byte[] buf = mem.scratch(len);
            int n = file.read(position + done, buf, 0, len);
            mem.write(base, buf, 0, n);
            done += n;
            if (n < len) {
                break;
            }
        }
        return done;
    }

    /** Reads once, into the first non-empty iovec: a short read, as from a pipe or terminal. */
    private long readStdin(int iovs, int iovsLen) {
        for (int i = 0; i < iovsLen; i++) {
            int base = mem.i32(iovs + i * IOVEC_SIZE);
            int len = mem.i32(iovs + i * IOVEC_SIZE + 4);
            mem.check(base, len);
            if (len == 0) {
                continue;
            }
            byte[] buf = mem.scratch(len);
            int n = state.options.stdin.read(buf, 0, len);
            if (n <= 0) {
                return 0;
            }
            mem.write(base, buf, 0, n);
            return n;
        }
        return 0;
    }

    /** Sum of the iovec lengths, checking every iovec lies in memory and the sum fits an i32. */
    private int totalLength(int iovs, int iovsLen) {
        if (iovsLen < 0) {
            throw MemoryFault.INSTANCE;
        }
        mem.check(iovs, iovsLen * IOVEC_SIZE);
        long total = 0;
        for (int i = 0; i < iovsLen; i++) {
            int base = mem.i32(iovs + i * IOVEC_SIZE);
            int len = mem.i32(iovs + i * IOVEC_SIZE + 4);
            mem.check(base, len);
            total += len;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw MemoryFault.INSTANCE;
        }
        return (int) total;
    }

    // ---- position ----

    int seek(int fd, long offset, int whence, int newOffsetOut) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.isStdio()) {
            return Errno.SPIPE;
        }
        if (d.isDirectory()) {
            return Errno.BADF;
        }
        boolean tellOnly = offset == 0 && whence == Flags.WHENCE_CUR;
        if (!d.has(Rights.FD_SEEK) && !(tellOnly && d.has(Rights.FD_TELL))) {
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
            case Flags.WHENCE_END:
                base = d.file().size();
                break;
            default:
                return Errno.INVAL;
        }
        long target = base + offset;
        if (target < 0) {
            return Errno.INVAL;
        }
        try {
            mem.begin();
            mem.putI64(newOffsetOut, target);
            d.position = target;
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int tell(int fd, int offsetOut) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.isStdio()) {
            return Errno.SPIPE;
        }
        if (d.isDirectory()) {
            return Errno.BADF;
        }
        if (!d.has(Rights.FD_TELL)) {
            return Errno.NOTCAPABLE;
        }
        try {
            mem.begin();
            mem.putI64(offsetOut, d.position);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
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
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        try {
            mem.begin();
            mem.check(out, 24);
            mem.putU8(out, filetype(d));
            mem.putU8(out + 1, 0);
            mem.putU16(out + 2, d.fdflags);
            mem.putI32(out + 4, 0);
            mem.putI64(out + 8, d.rightsBase);
            mem.putI64(out + 16, d.rightsInheriting);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int fdstatSetFlags(int fd, int flags) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (!d.has(Rights.FD_FDSTAT_SET_FLAGS)) {
            return Errno.NOTCAPABLE;
        }
        int known = Flags.FDFLAG_APPEND | Flags.FDFLAG_DSYNC | Flags.FDFLAG_NONBLOCK | Flags.FDFLAG_RSYNC
                | Flags.FDFLAG_SYNC;
        if ((flags & ~known) != 0) {
            return Errno.INVAL;
        }
        d.fdflags = flags;
        return Errno.SUCCESS;
    }

    int fdstatSetRights(int fd, long base, long inheriting) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if ((base & ~d.rightsBase) != 0 || (inheriting & ~d.rightsInheriting) != 0) {
            return Errno.NOTCAPABLE;
        }
        d.rightsBase = base;
        d.rightsInheriting = inheriting;
        return Errno.SUCCESS;
    }

    int advise(int fd, long offset, long len, int advice) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (advice < 0 || advice > 5 || offset < 0 || len < 0) {
            return Errno.INVAL;
        }
        if (!d.isFile()) {
            return d.isStdio() ? Errno.SPIPE : Errno.BADF;
        }
        return d.has(Rights.FD_ADVISE) ? Errno.SUCCESS : Errno.NOTCAPABLE;
    }

    int allocate(int fd, long offset, long len) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (!d.isFile()) {
            return d.isStdio() ? Errno.SPIPE : Errno.BADF;
        }
        if (!d.has(Rights.FD_ALLOCATE)) {
            return Errno.NOTCAPABLE;
        }
        if (offset < 0 || len <= 0) {
            return Errno.INVAL;
        }
        long end = offset + len;
        if (end < 0) {
            return Errno.FBIG;
        }
        if (end > d.file().size() && !d.file().setSize(end)) {
            return Errno.FBIG;
        }
        return Errno.SUCCESS;
    }

    int sync(int fd, long right) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.isStdio()) {
            return Errno.INVAL;
        }
        return d.has(right) || d.isDirectory() ? Errno.SUCCESS : Errno.NOTCAPABLE;
    }

    // ---- stat ----

    int filestatGet(int fd, int out) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (!d.isStdio() && !d.has(Rights.FD_FILESTAT_GET)) {
            return Errno.NOTCAPABLE;
        }
        try {
            mem.begin();
            if (d.isStdio()) {
                mem.zero(out, 64);
                mem.putU8(out + 16, filetype(d));
                mem.putI64(out + 24, 1);
            } else {
                writeFilestat(mem, out, d.node);
            }
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int filestatSetSize(int fd, long size) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (!d.isFile()) {
            return d.isDirectory() ? Errno.ISDIR : Errno.INVAL;
        }
        if (!d.has(Rights.FD_FILESTAT_SET_SIZE)) {
            return Errno.NOTCAPABLE;
        }
        if (size < 0) {
            return Errno.INVAL;
        }
        return d.file().setSize(size) ? Errno.SUCCESS : Errno.FBIG;
    }

    int filestatSetTimes(int fd, long atim, long mtim, int fstFlags) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (d.isStdio()) {
            return Errno.SUCCESS;
        }
        if (!d.has(Rights.FD_FILESTAT_SET_TIMES)) {
            return Errno.NOTCAPABLE;
        }
        return setTimes(state, d.node, atim, mtim, fstFlags);
    }

    static int setTimes(WasiState state, Node node, long atim, long mtim, int fstFlags) {
        if ((fstFlags & ~(Flags.FST_ATIM | Flags.FST_ATIM_NOW | Flags.FST_MTIM | Flags.FST_MTIM_NOW)) != 0
                || (fstFlags & (Flags.FST_ATIM | Flags.FST_ATIM_NOW)) == (Flags.FST_ATIM | Flags.FST_ATIM_NOW)
                || (fstFlags & (Flags.FST_MTIM | Flags.FST_MTIM_NOW)) == (Flags.FST_MTIM | Flags.FST_MTIM_NOW)) {
            return Errno.INVAL;
        }
        long now = state.options.clock.realtimeNanos();
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
        node.touchChanged();
        return Errno.SUCCESS;
    }

    /** Writes a 64-byte filestat: dev, ino, filetype, nlink, size, atim, mtim, ctim. */
    static void writeFilestat(Memory mem, int out, Node node) {
        mem.check(out, 64);
        mem.putI64(out, node.dev());
        mem.putI64(out + 8, node.ino());
        mem.putU8(out + 16, node.filetype());
        mem.putU8(out + 17, 0);
        mem.putU16(out + 18, 0);
        mem.putI32(out + 20, 0);
        mem.putI64(out + 24, node.nlink());
        mem.putI64(out + 32, node.size());
        mem.putI64(out + 40, node.atim);
        mem.putI64(out + 48, node.mtim);
        mem.putI64(out + 56, node.ctim);
    }

    private byte filetype(Descriptor d) {
        if (d.isStdio()) {
            return state.options.stdioIsTerminal ? Flags.FILETYPE_CHARACTER_DEVICE : Flags.FILETYPE_UNKNOWN;
        }
        return d.node.filetype();
    }

    // ---- preopens ----

    int prestatGet(int fd, int out) {
        Descriptor d = fds.get(fd);
        if (d == null || d.preopenName == null) {
            return Errno.BADF;
        }
        try {
            mem.begin();
            mem.check(out, 8);
            mem.putI32(out, 0);
            mem.putI32(out + 4, d.preopenNameUtf8.length);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int prestatDirName(int fd, int pathOut, int pathLen) {
        Descriptor d = fds.get(fd);
        if (d == null || d.preopenName == null) {
            return Errno.BADF;
        }
        byte[] name = d.preopenNameUtf8;
        if (pathLen < name.length) {
            return Errno.NAMETOOLONG;
        }
        try {
            mem.begin();
            mem.write(pathOut, name, 0, name.length);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    // ---- readdir ----

    /**
     * Fills {@code buf} with dirents after {@code cookie}: "." (cookie 1), ".." (cookie 2), then the
     * entries in the order they were added. The last dirent is cut short when it does not fit, which
     * tells the guest (bufused == buf_len) to call again with the last whole entry's cookie.
     */
    int readdir(int fd, int buf, int bufLen, long cookie, int bufUsedOut) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            return Errno.BADF;
        }
        if (!d.isDirectory()) {
            return Errno.NOTDIR;
        }
        if (!d.has(Rights.FD_READDIR)) {
            return Errno.NOTCAPABLE;
        }
        try {
            mem.begin();
            mem.check(buf, bufLen);
            mem.check(bufUsedOut, 4);
            DirNode dir = d.directory();
            int used = 0;
            if (cookie < 1) {
                used = dirent(buf, bufLen, used, 1, dir.ino(), ".", Node.TYPE_DIRECTORY);
            }
            if (cookie < 2) {
                used = dirent(buf, bufLen, used, 2, dir.parent().ino(), "..", Node.TYPE_DIRECTORY);
            }
            List<DirNode.Entry> entries = dir.entries();
            for (int i = 0; i < entries.size() && used < bufLen; i++) {
                DirNode.Entry e = entries.get(i);
                if (e.cookie() > cookie) {
                    used = dirent(buf, bufLen, used, e.cookie(), e.node.ino(), e.name, e.node.filetype());
                }
            }
            mem.putI32(bufUsedOut, used);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    private int dirent(int buf, int bufLen, int used, long next, long ino, String name, byte type) {
        if (used >= bufLen) {
            return used;
        }
        byte[] nameBytes = dev.wasiplay.polyfill.vfs.Utf8.encode(name);
        byte[] entry = new byte[DIRENT_HEADER + nameBytes.length];
        putLong(entry, 0, next);
        putLong(entry, 8, ino);
        putInt(entry, 16, nameBytes.length);
        entry[20] = type;
        System.arraycopy(nameBytes, 0, entry, DIRENT_HEADER, nameBytes.length);
        int n = Math.min(entry.length, bufLen - used);
        mem.write(buf + used, entry, 0, n);
        return used + n;
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
