package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;

/** One open file description: what a guest fd refers to, with its position, rights and flags. */
final class Descriptor {
    static final int STDIN = 0;
    static final int STDOUT = 1;
    static final int STDERR = 2;
    static final int FILE = 3;
    static final int DIRECTORY = 4;

    int kind;
    Node node;
    long position;
    long rightsBase;
    long rightsInheriting;
    int fdflags;
    /** Guest-visible name of a preopened directory, null for everything else. */
    String preopenName;
    byte[] preopenNameUtf8;

    void reset() {
        kind = 0;
        node = null;
        position = 0;
        rightsBase = 0;
        rightsInheriting = 0;
        fdflags = 0;
        preopenName = null;
        preopenNameUtf8 = null;
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

    boolean has(long rights) {
        return (rightsBase & rights) == rights;
    }
}
