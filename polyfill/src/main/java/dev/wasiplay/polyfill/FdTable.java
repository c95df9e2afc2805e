package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.Utf8;

/**
 * The guest's descriptor table. fds 0-2 are stdio, preopens follow from 3. New descriptors are numbered
 * as wasmtime numbers them: the highest number freed by fd_close or fd_renumber and not reused yet, or
 * else one more than the highest open fd. Closed descriptor objects are kept for reuse, so opening
 * allocates nothing.
 */
final class FdTable {
    private Descriptor[] table = new Descriptor[16];
    /** Numbers freed and not reused yet (wasmtime's "free" set). */
    private boolean[] freed = new boolean[16];
    private int freedCount;
    private Descriptor[] spare = new Descriptor[16];
    private int spareCount;
    private int open;
    private final int max;

    FdTable(WasiOptions options) {
        this.max = options.maxOpenFiles;
        for (int fd = 0; fd <= 2; fd++) {
            Descriptor d = new Descriptor();
            d.kind = fd;
            d.readable = fd == 0;
            d.writable = fd != 0;
            put(fd, d);
        }
        for (int i = 0; i < options.preopenDirs.size(); i++) {
            Descriptor d = new Descriptor();
            d.kind = Descriptor.DIRECTORY;
            d.node = options.preopenDirs.get(i);
            d.readable = true;
            d.preopenName = Utf8.encode(options.preopenNames.get(i));
            put(3 + i, d);
        }
    }

    /** The descriptor at {@code fd} (a u32), or null when none is open there. */
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

    /** Whether another descriptor may be opened (else EMFILE). */
    boolean full() {
        return open >= max;
    }

    /** Puts {@code d} in the table under wasmtime's next number and returns that number. */
    int add(Descriptor d) {
        int fd = -1;
        if (freedCount > 0) {
            for (int i = freed.length - 1; i >= 0; i--) {
                if (freed[i]) {
                    freed[i] = false;
                    freedCount--;
                    fd = i;
                    break;
                }
            }
        } else {
            fd = 0;
            for (int i = table.length - 1; i >= 0; i--) {
                if (table[i] != null) {
                    fd = i + 1;
                    break;
                }
            }
        }
        put(fd, d);
        return fd;
    }

    /** Removes and recycles the descriptor at {@code fd}; false when none is open there. */
    boolean close(int fd) {
        Descriptor d = get(fd);
        if (d == null) {
            return false;
        }
        table[fd] = null;
        open--;
        markFreed(fd);
        recycle(d);
        return true;
    }

    /** Moves {@code from} onto {@code to} (both open, different), closing what was at {@code to}. */
    void renumber(int from, int to) {
        close(to);
        Descriptor d = table[from];
        table[from] = null;
        open--;
        markFreed(from);
        freed[to] = false;
        freedCount--;
        put(to, d);
    }

    private void markFreed(int fd) {
        if (!freed[fd]) {
            freed[fd] = true;
            freedCount++;
        }
    }

    private void put(int fd, Descriptor d) {
        if (fd >= table.length) {
            int size = Math.max(fd + 1, table.length * 2);
            Descriptor[] bigger = new Descriptor[size];
            System.arraycopy(table, 0, bigger, 0, table.length);
            table = bigger;
            boolean[] biggerFreed = new boolean[size];
            System.arraycopy(freed, 0, biggerFreed, 0, freed.length);
            freed = biggerFreed;
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
}
