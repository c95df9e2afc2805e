package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;

/**
 * One open file description: what a guest fd refers to, with its position, open mode, flags and rights.
 *
 * <p>Rights are what wasmtime reports for the descriptor (see {@link Rights}) minus what the guest gave
 * up with fd_fdstat_set_rights ({@link #revokedBase}, {@link #revokedInheriting}). Once a directory's
 * inheriting rights were narrowed, whatever is opened through it gets no right outside them. A call needing
 * a right the descriptor gave up answers NOTCAPABLE; a descriptor that never gave anything up is allowed
 * every call wasmtime allows (wasmtime itself does not track rights).
 */
final class Descriptor {
    static final int STDIN = 0;
    static final int STDOUT = 1;
    static final int STDERR = 2;
    static final int FILE = 3;
    static final int DIRECTORY = 4;

    int kind;
    Node node;
    long position;
    /** Open mode, from the rights asked for at path_open (files); directories are always readable. */
    boolean readable;
    boolean writable;
    boolean append;
    boolean nonblock;
    long revokedBase;
    long revokedInheriting;
    /** The guest narrowed the inheriting rights (here or on a directory this was opened through). */
    boolean inheritingNarrowed;
    /** Guest-visible name (UTF-8) of a preopened directory, null for everything else. */
    byte[] preopenName;

    void reset() {
        kind = 0;
        node = null;
        position = 0;
        readable = false;
        writable = false;
        append = false;
        nonblock = false;
        revokedBase = 0;
        revokedInheriting = 0;
        inheritingNarrowed = false;
        preopenName = null;
    }

    boolean isStdio() {
        return kind <= STDERR;
    }

    boolean isFile() {
        return kind == FILE;
    }

    boolean isDirectory() {
        return kind == DIRECTORY;
    }

    FileNode file() {
        return (FileNode) node;
    }

    DirNode directory() {
        return (DirNode) node;
    }

    /** Whether the guest gave up any of {@code rights} on this descriptor. */
    boolean revoked(long rights) {
        return (revokedBase & rights) != 0;
    }

    /** Sets up the rights of {@code child}, just opened through this directory. */
    void inheritInto(Descriptor child) {
        if (inheritingNarrowed) {
            long denied = Rights.ALL & ~rightsInheriting();
            child.revokedBase = denied;
            child.revokedInheriting = denied;
            child.inheritingNarrowed = true;
        }
    }

    long rightsBase() {
        return startingBase() & ~revokedBase;
    }

    long rightsInheriting() {
        return startingInheriting() & ~revokedInheriting;
    }

    private long startingBase() {
        switch (kind) {
            case STDIN:
                return Rights.FD_READ;
            case STDOUT:
            case STDERR:
                return Rights.FD_WRITE;
            case DIRECTORY:
                return preopenName != null ? Rights.PREOPEN_BASE : modeRights(Rights.OPENED_DIRECTORY);
            default:
                return modeRights(Rights.ALL);
        }
    }

    private long startingInheriting() {
        return kind == DIRECTORY && preopenName != null ? Rights.PREOPEN_INHERITING : startingBase();
    }

    private long modeRights(long rights) {
        if (!readable) {
            rights &= ~Rights.READING;
        }
        if (!writable) {
            rights &= ~Rights.FD_WRITE;
        }
        return rights;
    }
}
