package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.Utf8;

/**
 * The guest's descriptor table. fds 0-2 are stdio, preopens follow from 3; new descriptors take the
 * lowest free number. Closed descriptor objects are kept for reuse, so opening allocates nothing.
 */
final class FdTable {
    private Descriptor[] table = new Descriptor[16];
    private Descriptor[] spare = new Descriptor[16];
    private int spareCount;
    private int open;
    private final int max;

    FdTable(WasiOptions options) {
        this.max = options.maxOpenFiles;
        long stdio = options.stdioIsTerminal ? Rights.TTY : Rights.STREAM;
        for (int fd = 0; fd <= 2; fd++) {
            Descriptor d = new Descriptor();
            d.kind = fd;
            d.rightsBase = stdio;
            put(fd, d);
        }
        for (int i = 0; i < options.preopenDirs.size(); i++) {
            Descriptor d = new Descriptor();
            d.kind = Descriptor.DIRECTORY;
            d.node = options.preopenDirs.get(i);
            d.rightsBase = Rights.DIRECTORY;
            d.rightsInheriting = Rights.DIRECTORY | Rights.REGULAR_FILE;
            d.preopenName = options.preopenNames.get(i);
            d.preopenNameUtf8 = Utf8.encode(d.preopenName);
            put(3 + i, d);
        }
    }

    /** The descriptor at {@code fd}, or null when none is open there. */
    Descriptor get(int fd) {
        return fd >= 0 && fd < table.length ? table[fd] : null;
    }

    int openCount() {
        return open;
    }

    /** A fresh (reset) descriptor object, not yet in the table. */
    Descriptor obtain() {
        if (spareCount > 0) {
            Descriptor d = spare[--spareCount];
            spare[spareCount] = null;
            return d;
        }
        return new Descriptor();
    }

    /** Puts {@code d} at the lowest free fd; returns it, or -1 when the table is full (EMFILE). */
    int add(Descriptor d) {
        if (open >= max) {
            recycle(d);
            return -1;
        }
        for (int fd = 0; ; fd++) {
            if (fd >= table.length || table[fd] == null) {
                put(fd, d);
                return fd;
            }
        }
    }

    /** Removes and recycles the descriptor at {@code fd}; false when none is open there. */
    boolean close(int fd) {
        Descriptor d = get(fd);
        if (d == null) {
            return false;
        }
        table[fd] = null;
        open--;
        recycle(d);
        return true;
    }

    /** Moves {@code from} onto {@code to}, closing what was at {@code to}. */
    void renumber(int from, int to) {
        Descriptor d = table[from];
        table[from] = null;
        open--;
        if (table[to] != null) {
            recycle(table[to]);
            open--;
        }
        put(to, d);
    }

    private void put(int fd, Descriptor d) {
        if (fd >= table.length) {
            Descriptor[] bigger = new Descriptor[Math.max(fd + 1, table.length * 2)];
            System.arraycopy(table, 0, bigger, 0, table.length);
            table = bigger;
        }
        table[fd] = d;
        open++;
    }

    private void recycle(Descriptor d) {
        d.reset();
        if (spareCount == spare.length) {
            Descriptor[] bigger = new Descriptor[spare.length * 2];
            System.arraycopy(spare, 0, bigger, 0, spare.length);
            spare = bigger;
        }
        spare[spareCount++] = d;
    }

    /** Whether {@code dir} is reachable as a preopen (used to refuse removing one). */
    boolean isPreopen(DirNode dir) {
        for (Descriptor d : table) {
            if (d != null && d.preopenName != null && d.node == dir) {
                return true;
            }
        }
        return false;
    }
}
