package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.PathResolver;
import dev.wasiplay.polyfill.vfs.SymlinkNode;

/**
 * The path_* calls, with Linux semantics as wasmtime gives them through cap-std: paths are resolved by
 * {@link PathResolver} relative to a directory descriptor and can never leave it (PERM). The directory
 * descriptor must be a directory (BADF; path_open answers NOTDIR for a file, as wasmtime does). Paths are
 * read as UTF-8 (ILSEQ otherwise) and may not contain NUL (INVAL).
 */
final class PathCalls {
    private final WasiState state;
    private final Memory mem;
    private final FdTable fds;
    private final PathResolver resolver;
    /** Set by {@link #directory} and {@link #readPath} when they fail. */
    private int errno;

    PathCalls(WasiState state) {
        this.state = state;
        this.mem = state.mem;
        this.fds = state.fds;
        this.resolver = state.resolver;
    }

    /** The directory descriptor of a path call; null with {@link #errno} BADF or NOTCAPABLE. */
    private Descriptor directory(int fd, long right) {
        Descriptor d = fds.get(fd);
        if (d == null || !d.isDirectory()) {
            errno = Errno.BADF;
            return null;
        }
        if (d.revoked(right)) {
            errno = Errno.NOTCAPABLE;
            return null;
        }
        return d;
    }

    /** Copies a path into {@code buffer}; its length, or -1 with {@link #errno} set (ILSEQ, INVAL for NUL). */
    private int readPath(int ptr, int len, byte[] buffer) {
        int n = mem.path(ptr, len, buffer);
        if (n < 0) {
            errno = -n;
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (buffer[i] == 0) {
                errno = Errno.INVAL;
                return -1;
            }
        }
        return n;
    }

    // ---- open ----

    int open(int fd, int dirFlags, int pathPtr, int pathLen, int oflags, long rightsBase, long rightsInheriting,
            int fdflags, int fdOut) {
        int err = Flags.flags(dirFlags, 32, Flags.LOOKUP_SYMLINK_FOLLOW);
        if (err == Errno.SUCCESS) {
            err = Flags.flags(oflags, 16, Flags.OFLAGS_ALL);
        }
        if (err == Errno.SUCCESS) {
            err = Flags.rights(rightsBase);
        }
        if (err == Errno.SUCCESS) {
            err = Flags.rights(rightsInheriting);
        }
        if (err == Errno.SUCCESS) {
            err = Flags.flags(fdflags, 16, Flags.FDFLAGS_ALL);
        }
        if (err != Errno.SUCCESS) {
            return err;
        }
        mem.begin("path_open");
        byte[] path = mem.pathA;
        int n = mem.path(pathPtr, pathLen, path);
        if (n < 0) {
            return -n;
        }
        Descriptor dir = fds.get(fd);
        if (dir == null) {
            return Errno.BADF;
        }
        if (!dir.isDirectory()) {
            return dir.isFile() ? Errno.NOTDIR : Errno.BADF;
        }
        boolean create = (oflags & Flags.O_CREAT) != 0;
        boolean exclusive = (oflags & Flags.O_EXCL) != 0;
        boolean truncate = (oflags & Flags.O_TRUNC) != 0;
        boolean mustBeDirectory = (oflags & Flags.O_DIRECTORY) != 0;
        if ((fdflags & (Flags.FDFLAG_SYNC | Flags.FDFLAG_DSYNC | Flags.FDFLAG_RSYNC)) != 0) {
            return Errno.NOTSUP;
        }
        if (mustBeDirectory && (create || exclusive || truncate)) {
            return Errno.INVAL;
        }
        for (int i = 0; i < n; i++) {
            if (path[i] == 0) {
                return Errno.INVAL;
            }
        }
        if (dir.revoked(Rights.PATH_OPEN) || (create && dir.revoked(Rights.PATH_CREATE_FILE))) {
            return Errno.NOTCAPABLE;
        }
        if (truncate && dir.inheritingNarrowed && (dir.rightsInheriting() & Rights.FD_WRITE) == 0) {
            // what is opened through this directory may not be written, so it may not be truncated either
            return Errno.NOTCAPABLE;
        }
        if (fds.full()) {
            return Errno.MFILE;
        }
        mem.check(fdOut, 4, 4);
        boolean writing = create || truncate || (rightsBase & Rights.FD_WRITE) != 0;
        boolean reading = (rightsBase & Rights.FD_READ) != 0 || (rightsBase & Rights.FD_WRITE) == 0;
        boolean follow = (dirFlags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0 && !(create && exclusive);

        PathResolver r = resolver;
        err = r.resolve(dir.directory(), path, n, follow);
        Node node;
        if (create) {
            if (err == Errno.NOTDIR && r.trailingSlash) {
                return Errno.ISDIR;
            }
            if (err != Errno.SUCCESS) {
                return err;
            }
            if (r.trailingSlash && !r.dot) {
                return Errno.ISDIR;
            }
            node = r.node;
            if (node != null && exclusive) {
                return Errno.EXIST;
            }
            if (node == null) {
                if (r.dir.isRemoved()) {
                    return Errno.NOENT;
                }
                FileNode file = r.dir.fileSystem().newFile();
                r.dir.link(r.copyName(), file);
                node = file;
                truncate = false;
            }
        } else {
            if (err != Errno.SUCCESS) {
                return err;
            }
            node = r.node;
            if (node == null) {
                return Errno.NOENT;
            }
        }
        if (node instanceof SymlinkNode) {
            return mustBeDirectory ? Errno.NOTDIR : Errno.LOOP;
        }
        boolean isDirectory = node instanceof DirNode;
        if (mustBeDirectory && !isDirectory) {
            return Errno.NOTDIR;
        }
        if (isDirectory && writing) {
            return Errno.ISDIR;
        }
        if (truncate) {
            ((FileNode) node).setSize(0);
        }
        Descriptor d = fds.obtain();
        d.node = node;
        if (isDirectory) {
            d.kind = Descriptor.DIRECTORY;
            d.readable = true;
        } else {
            d.kind = Descriptor.FILE;
            d.readable = reading;
            d.writable = writing;
            d.append = (fdflags & Flags.FDFLAG_APPEND) != 0;
            d.nonblock = (fdflags & Flags.FDFLAG_NONBLOCK) != 0;
        }
        dir.inheritInto(d);
        mem.rawPutU32(fdOut, fds.add(d));
        return Errno.SUCCESS;
    }

    // ---- stat and times ----

    int filestatGet(int fd, int lookupFlags, int pathPtr, int pathLen, int out) {
        int err = Flags.flags(lookupFlags, 32, Flags.LOOKUP_SYMLINK_FOLLOW);
        if (err != Errno.SUCCESS) {
            return err;
        }
        mem.begin("path_filestat_get");
        Descriptor dir = directory(fd, Rights.PATH_FILESTAT_GET);
        if (dir == null) {
            return errno;
        }
        int n = readPath(pathPtr, pathLen, mem.pathA);
        if (n < 0) {
            return errno;
        }
        err = resolver.resolve(dir.directory(), mem.pathA, n,
                (lookupFlags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if (resolver.node == null) {
            return Errno.NOENT;
        }
        mem.check(out, 64, 8);
        FdCalls.putFilestat(mem, out, resolver.node);
        return Errno.SUCCESS;
    }

    int filestatSetTimes(int fd, int lookupFlags, int pathPtr, int pathLen, long atim, long mtim, int fstFlags) {
        int err = Flags.flags(lookupFlags, 32, Flags.LOOKUP_SYMLINK_FOLLOW);
        if (err == Errno.SUCCESS) {
            err = FdCalls.checkTimes(fstFlags);
        }
        if (err != Errno.SUCCESS) {
            return err;
        }
        mem.begin("path_filestat_set_times");
        Descriptor dir = directory(fd, Rights.PATH_FILESTAT_SET_TIMES);
        if (dir == null) {
            return errno;
        }
        int n = readPath(pathPtr, pathLen, mem.pathA);
        if (n < 0) {
            return errno;
        }
        // following: like utimensat(path); not following: cap-std's via-parent utimensat(NOFOLLOW)
        err = (lookupFlags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0
                ? resolver.resolve(dir.directory(), mem.pathA, n, true)
                : resolver.resolveParent(dir.directory(), mem.pathA, n, false);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if (resolver.node == null) {
            return Errno.NOENT;
        }
        FdCalls.setTimes(resolver.node, atim, mtim, fstFlags);
        return Errno.SUCCESS;
    }

    // ---- directories ----

    int createDirectory(int fd, int pathPtr, int pathLen) {
        mem.begin("path_create_directory");
        Descriptor dir = directory(fd, Rights.PATH_CREATE_DIRECTORY);
        if (dir == null) {
            return errno;
        }
        int n = readPath(pathPtr, pathLen, mem.pathA);
        if (n < 0) {
            return errno;
        }
        PathResolver r = resolver;
        int err = r.resolveParent(dir.directory(), mem.pathA, n, true);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if (r.dot || r.node != null) {
            return Errno.EXIST;
        }
        if (r.dir.isRemoved()) {
            return Errno.NOENT;
        }
        r.dir.link(r.copyName(), r.dir.fileSystem().newDirectory(r.dir));
        return Errno.SUCCESS;
    }

    int removeDirectory(int fd, int pathPtr, int pathLen) {
        mem.begin("path_remove_directory");
        Descriptor dir = directory(fd, Rights.PATH_REMOVE_DIRECTORY);
        if (dir == null) {
            return errno;
        }
        int n = readPath(pathPtr, pathLen, mem.pathA);
        if (n < 0) {
            return errno;
        }
        PathResolver r = resolver;
        int err = r.resolveParent(dir.directory(), mem.pathA, n, false);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if (r.dot) {
            return Errno.INVAL;
        }
        if (r.node == null) {
            return Errno.NOENT;
        }
        if (!(r.node instanceof DirNode)) {
            return Errno.NOTDIR;
        }
        if (!((DirNode) r.node).isEmpty()) {
            return Errno.NOTEMPTY;
        }
        r.dir.unlink(r.entry);
        return Errno.SUCCESS;
    }

    // ---- files and links ----

    int unlinkFile(int fd, int pathPtr, int pathLen) {
        mem.begin("path_unlink_file");
        Descriptor dir = directory(fd, Rights.PATH_UNLINK_FILE);
        if (dir == null) {
            return errno;
        }
        int n = readPath(pathPtr, pathLen, mem.pathA);
        if (n < 0) {
            return errno;
        }
        PathResolver r = resolver;
        int err = r.resolveParent(dir.directory(), mem.pathA, n, false);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if (r.dot || r.node instanceof DirNode) {
            return Errno.ISDIR;
        }
        if (r.node == null) {
            return Errno.NOENT;
        }
        r.dir.unlink(r.entry);
        return Errno.SUCCESS;
    }

    /** A symlink whose target is absolute is refused with PERM (cap-std), even before the link path is looked at. */
    int symlink(int oldPath, int oldPathLen, int fd, int newPath, int newPathLen) {
        mem.begin("path_symlink");
        Descriptor dir = directory(fd, Rights.PATH_SYMLINK);
        if (dir == null) {
            return errno;
        }
        int targetLength = readPath(oldPath, oldPathLen, mem.pathA);
        if (targetLength < 0) {
            return errno;
        }
        int n = readPath(newPath, newPathLen, mem.pathB);
        if (n < 0) {
            return errno;
        }
        if (targetLength > 0 && mem.pathA[0] == '/') {
            return Errno.PERM;
        }
        if (targetLength == 0) {
            return Errno.NOENT;
        }
        PathResolver r = resolver;
        int err = r.resolveParent(dir.directory(), mem.pathB, n, false);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if (r.dot || r.node != null) {
            return Errno.EXIST;
        }
        if (r.dir.isRemoved()) {
            return Errno.NOENT;
        }
        byte[] target = new byte[targetLength];
        System.arraycopy(mem.pathA, 0, target, 0, targetLength);
        r.dir.link(r.copyName(), r.dir.fileSystem().newSymlink(target));
        return Errno.SUCCESS;
    }

    int readlink(int fd, int pathPtr, int pathLen, int buf, int bufLen, int bufUsedOut) {
        mem.begin("path_readlink");
        Descriptor dir = directory(fd, Rights.PATH_READLINK);
        if (dir == null) {
            return errno;
        }
        int n = readPath(pathPtr, pathLen, mem.pathA);
        if (n < 0) {
            return errno;
        }
        PathResolver r = resolver;
        int err = r.resolveParent(dir.directory(), mem.pathA, n, false);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if (r.dot) {
            return Errno.INVAL;
        }
        if (r.node == null) {
            return Errno.NOENT;
        }
        if (!(r.node instanceof SymlinkNode)) {
            return Errno.INVAL;
        }
        byte[] target = ((SymlinkNode) r.node).targetBytes();
        int used = (int) Math.min(target.length, bufLen & 0xFFFFFFFFL);
        mem.check(bufUsedOut, 4, 4);
        if (used > 0) {
            mem.write(buf, target, 0, used);
        }
        mem.rawPutU32(bufUsedOut, used);
        return Errno.SUCCESS;
    }

    /** Hard links never follow the source (LOOKUP_SYMLINK_FOLLOW answers INVAL, as in wasmtime). */
    int link(int oldFd, int oldLookupFlags, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        int err = Flags.flags(oldLookupFlags, 32, Flags.LOOKUP_SYMLINK_FOLLOW);
        if (err != Errno.SUCCESS) {
            return err;
        }
        mem.begin("path_link");
        Descriptor oldDir = directory(oldFd, Rights.PATH_LINK_SOURCE);
        if (oldDir == null) {
            return errno;
        }
        Descriptor newDir = directory(newFd, Rights.PATH_LINK_TARGET);
        if (newDir == null) {
            return errno;
        }
        int oldLength = readPath(oldPath, oldPathLen, mem.pathA);
        if (oldLength < 0) {
            return errno;
        }
        int newLength = readPath(newPath, newPathLen, mem.pathB);
        if (newLength < 0) {
            return errno;
        }
        if ((oldLookupFlags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0) {
            return Errno.INVAL;
        }
        PathResolver r = resolver;
        err = r.resolveParent(oldDir.directory(), mem.pathA, oldLength, false);
        if (err != Errno.SUCCESS) {
            return err;
        }
        boolean sourceIsDot = r.dot;
        Node source = r.node;
        err = r.resolveParent(newDir.directory(), mem.pathB, newLength, false);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if (source == null) {
            return Errno.NOENT;
        }
        if (r.dot || r.node != null) {
            return Errno.EXIST;
        }
        if (sourceIsDot || source instanceof DirNode) {
            return Errno.PERM;
        }
        if (r.dir.isRemoved()) {
            return Errno.NOENT;
        }
        r.dir.link(r.copyName(), source);
        return Errno.SUCCESS;
    }

    /**
     * renameat() semantics: "." or ".." as either last component is BUSY; a source written with a trailing
     * slash must be a directory; a directory cannot move into itself (INVAL) or replace a non-directory
     * (NOTDIR) or a non-empty directory (NOTEMPTY); a file cannot replace a directory (ISDIR); renaming
     * onto another name of the same inode does nothing.
     */
    int rename(int oldFd, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        mem.begin("path_rename");
        Descriptor oldDir = directory(oldFd, Rights.PATH_RENAME_SOURCE);
        if (oldDir == null) {
            return errno;
        }
        Descriptor newDir = directory(newFd, Rights.PATH_RENAME_TARGET);
        if (newDir == null) {
            return errno;
        }
        int oldLength = readPath(oldPath, oldPathLen, mem.pathA);
        if (oldLength < 0) {
            return errno;
        }
        int newLength = readPath(newPath, newPathLen, mem.pathB);
        if (newLength < 0) {
            return errno;
        }
        boolean sourceSlash = oldLength > 0 && mem.pathA[oldLength - 1] == '/';
        PathResolver r = resolver;
        int err = r.resolveParent(oldDir.directory(), mem.pathA, oldLength, true);
        if (err != Errno.SUCCESS) {
            return err;
        }
        boolean sourceIsDot = r.dot;
        DirNode fromDir = r.dir;
        DirNode.Entry fromEntry = r.entry;
        Node moving = r.node;
        err = r.resolveParent(newDir.directory(), mem.pathB, newLength, true);
        if (err != Errno.SUCCESS) {
            return err;
        }
        if (sourceIsDot || r.dot) {
            return Errno.BUSY;
        }
        if (moving == null) {
            return Errno.NOENT;
        }
        if (sourceSlash && !(moving instanceof DirNode)) {
            return Errno.NOTDIR;
        }
        DirNode toDir = r.dir;
        Node replaced = r.node;
        if (moving instanceof DirNode && isSameOrAncestor((DirNode) moving, toDir)) {
            return Errno.INVAL;
        }
        if (replaced instanceof DirNode && isSameOrAncestor((DirNode) replaced, fromDir)) {
            return Errno.NOTEMPTY;
        }
        if (replaced == moving) {
            return Errno.SUCCESS;
        }
        if (replaced != null) {
            if (moving instanceof DirNode) {
                if (!(replaced instanceof DirNode)) {
                    return Errno.NOTDIR;
                }
                if (!((DirNode) replaced).isEmpty()) {
                    return Errno.NOTEMPTY;
                }
            } else if (replaced instanceof DirNode) {
                return Errno.ISDIR;
            }
        }
        if (toDir.isRemoved()) {
            return Errno.NOENT;
        }
        byte[] name = r.copyName();
        if (replaced != null) {
            toDir.unlink(r.entry);
        }
        fromDir.unlink(fromEntry);
        toDir.link(name, moving);
        return Errno.SUCCESS;
    }

    /** Whether {@code ancestor} is {@code dir} or one of the directories above it. */
    private static boolean isSameOrAncestor(DirNode ancestor, DirNode dir) {
        for (DirNode p = dir; ; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
            if (p.parent() == p) {
                return false;
            }
        }
    }
}
