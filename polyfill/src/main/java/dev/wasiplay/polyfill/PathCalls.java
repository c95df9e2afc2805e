package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.PathResolver;
import dev.wasiplay.polyfill.vfs.SymlinkNode;
import dev.wasiplay.polyfill.vfs.Utf8;

/**
 * The path_* calls. Every path is resolved relative to a directory descriptor by {@link PathResolver},
 * which keeps the guest inside that directory; rights of the directory descriptor are checked first.
 */
final class PathCalls {
    private final WasiState state;
    private final Memory mem;
    private final FdTable fds;
    private final PathResolver resolver;

    PathCalls(WasiState state) {
        this.state = state;
        this.mem = state.mem;
        this.fds = state.fds;
        this.resolver = state.resolver;
    }

    /** Result of {@link #directory}: the descriptor, or null with {@link #errno} set. */
    private int errno;

    private Descriptor directory(int fd, long right) {
        Descriptor d = fds.get(fd);
        if (d == null) {
            errno = Errno.BADF;
            return null;
        }
        if (!d.isDirectory()) {
            errno = Errno.NOTDIR;
            return null;
        }
        if (!d.has(right)) {
            errno = Errno.NOTCAPABLE;
            return null;
        }
        return d;
    }

    /** Reads a path argument; null (with errno INVAL) when it holds a NUL byte. */
    private String path(int ptr, int len) {
        String p = mem.string(ptr, len);
        if (p.indexOf('\0') >= 0) {
            errno = Errno.INVAL;
            return null;
        }
        return p;
    }

    int open(int fd, int dirFlags, int pathPtr, int pathLen, int oflags, long rightsBase, long rightsInheriting,
            int fdflags, int fdOut) {
        Descriptor dir = directory(fd, Rights.PATH_OPEN);
        if (dir == null) {
            return errno;
        }
        boolean create = (oflags & Flags.O_CREAT) != 0;
        boolean exclusive = (oflags & Flags.O_EXCL) != 0;
        boolean truncate = (oflags & Flags.O_TRUNC) != 0;
        boolean mustBeDirectory = (oflags & Flags.O_DIRECTORY) != 0;
        if (create && !dir.has(Rights.PATH_CREATE_FILE)) {
            return Errno.NOTCAPABLE;
        }
        if (truncate && !dir.has(Rights.PATH_FILESTAT_SET_SIZE)) {
            return Errno.NOTCAPABLE;
        }
        try {
            mem.begin();
            mem.check(fdOut, 4);
            String path = path(pathPtr, pathLen);
            if (path == null) {
                return errno;
            }
            boolean follow = (dirFlags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0 && !(create && exclusive);
            int err = resolver.resolve(dir.directory(), path, follow);
            if (err != Errno.SUCCESS) {
                return err;
            }
            Node node = resolver.node;
            if (node == null) {
                if (!create) {
                    return Errno.NOENT;
                }
                if (mustBeDirectory || resolver.trailingSlash) {
                    return mustBeDirectory ? Errno.INVAL : Errno.ISDIR;
                }
                FileNode file = resolver.parent.fileSystem().newFile();
                resolver.parent.link(resolver.name, file);
                node = file;
            } else {
                if (create && exclusive) {
                    return Errno.EXIST;
                }
                if (node instanceof SymlinkNode) {
                    return mustBeDirectory ? Errno.NOTDIR : Errno.LOOP;
                }
                if (mustBeDirectory && !(node instanceof DirNode)) {
                    return Errno.NOTDIR;
                }
                if (node instanceof DirNode && (truncate || (rightsBase & Rights.FD_WRITE) != 0)) {
                    return Errno.ISDIR;
                }
            }
            Descriptor d = fds.obtain();
            if (node instanceof DirNode) {
                d.kind = Descriptor.DIRECTORY;
                d.rightsBase = rightsBase & dir.rightsInheriting & Rights.DIRECTORY;
            } else {
                d.kind = Descriptor.FILE;
                d.rightsBase = rightsBase & dir.rightsInheriting & Rights.REGULAR_FILE;
            }
            d.rightsInheriting = rightsInheriting & dir.rightsInheriting;
            d.node = node;
            d.fdflags = fdflags;
            int newFd = fds.add(d);
            if (newFd < 0) {
                return Errno.MFILE;
            }
            if (truncate && node instanceof FileNode && node.size() > 0) {
                ((FileNode) node).setSize(0);
            }
            mem.putI32(fdOut, newFd);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int filestatGet(int fd, int lookupFlags, int pathPtr, int pathLen, int out) {
        Descriptor dir = directory(fd, Rights.PATH_FILESTAT_GET);
        if (dir == null) {
            return errno;
        }
        try {
            mem.begin();
            Node node = lookup(dir, pathPtr, pathLen, (lookupFlags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0);
            if (node == null) {
                return errno;
            }
            FdCalls.writeFilestat(mem, out, node);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int filestatSetTimes(int fd, int lookupFlags, int pathPtr, int pathLen, long atim, long mtim, int fstFlags) {
        Descriptor dir = directory(fd, Rights.PATH_FILESTAT_SET_TIMES);
        if (dir == null) {
            return errno;
        }
        try {
            mem.begin();
            Node node = lookup(dir, pathPtr, pathLen, (lookupFlags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0);
            if (node == null) {
                return errno;
            }
            return FdCalls.setTimes(state, node, atim, mtim, fstFlags);
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    /** Resolves an existing node; null with {@link #errno} set when it cannot. */
    private Node lookup(Descriptor dir, int pathPtr, int pathLen, boolean follow) {
        String path = path(pathPtr, pathLen);
        if (path == null) {
            return null;
        }
        int err = resolver.resolve(dir.directory(), path, follow);
        if (err == Errno.SUCCESS && resolver.node == null) {
            err = Errno.NOENT;
        }
        if (err != Errno.SUCCESS) {
            errno = err;
            return null;
        }
        return resolver.node;
    }

    int createDirectory(int fd, int pathPtr, int pathLen) {
        Descriptor dir = directory(fd, Rights.PATH_CREATE_DIRECTORY);
        if (dir == null) {
            return errno;
        }
        try {
            mem.begin();
            String path = path(pathPtr, pathLen);
            if (path == null) {
                return errno;
            }
            int err = resolver.resolve(dir.directory(), path, false);
            if (err != Errno.SUCCESS) {
                return err;
            }
            if (resolver.node != null || resolver.parent == null) {
                return Errno.EXIST;
            }
            DirNode parent = resolver.parent;
            parent.link(resolver.name, parent.fileSystem().newDirectory(parent));
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int removeDirectory(int fd, int pathPtr, int pathLen) {
        Descriptor dir = directory(fd, Rights.PATH_REMOVE_DIRECTORY);
        if (dir == null) {
            return errno;
        }
        try {
            mem.begin();
            String path = path(pathPtr, pathLen);
            if (path == null) {
                return errno;
            }
            int err = resolver.resolve(dir.directory(), path, false);
            if (err != Errno.SUCCESS) {
                return err;
            }
            Node node = resolver.node;
            if (node == null) {
                return Errno.NOENT;
            }
            if (resolver.parent == null) {
                return resolver.name.equals(".") ? Errno.INVAL : Errno.NOTEMPTY;
            }
            if (!(node instanceof DirNode)) {
                return Errno.NOTDIR;
            }
            if (!((DirNode) node).isEmpty()) {
                return Errno.NOTEMPTY;
            }
            if (fds.isPreopen((DirNode) node)) {
                return Errno.BUSY;
            }
            resolver.parent.unlink(resolver.name);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int unlinkFile(int fd, int pathPtr, int pathLen) {
        Descriptor dir = directory(fd, Rights.PATH_UNLINK_FILE);
        if (dir == null) {
            return errno;
        }
        try {
            mem.begin();
            String path = path(pathPtr, pathLen);
            if (path == null) {
                return errno;
            }
            int err = resolver.resolve(dir.directory(), path, false);
            if (err != Errno.SUCCESS) {
                return err;
            }
            Node node = resolver.node;
            if (node == null) {
                return Errno.NOENT;
            }
            if (node instanceof DirNode || resolver.parent == null) {
                return Errno.ISDIR;
            }
            if (resolver.trailingSlash) {
                return Errno.NOTDIR;
            }
            resolver.parent.unlink(resolver.name);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int symlink(int oldPath, int oldPathLen, int fd, int newPath, int newPathLen) {
        Descriptor dir = directory(fd, Rights.PATH_SYMLINK);
        if (dir == null) {
            return errno;
        }
        try {
            mem.begin();
            String target = path(oldPath, oldPathLen);
            if (target == null) {
                return errno;
            }
            String path = path(newPath, newPathLen);
            if (path == null) {
                return errno;
            }
            int err = resolver.resolve(dir.directory(), path, false);
            if (err != Errno.SUCCESS) {
                return err;
            }
            if (resolver.node != null || resolver.parent == null) {
                return Errno.EXIST;
            }
            if (resolver.trailingSlash) {
                return Errno.NOENT;
            }
            DirNode parent = resolver.parent;
            parent.link(resolver.name, parent.fileSystem().newSymlink(target));
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int readlink(int fd, int pathPtr, int pathLen, int buf, int bufLen, int bufUsedOut) {
        Descriptor dir = directory(fd, Rights.PATH_READLINK);
        if (dir == null) {
            return errno;
        }
        try {
            mem.begin();
            Node node = lookup(dir, pathPtr, pathLen, false);
            if (node == null) {
                return errno;
            }
            if (!(node instanceof SymlinkNode)) {
                return Errno.INVAL;
            }
            byte[] target = Utf8.encode(((SymlinkNode) node).target());
            int n = Math.min(target.length, bufLen);
            mem.check(bufUsedOut, 4);
            mem.write(buf, target, 0, n);
            mem.putI32(bufUsedOut, n);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int link(int oldFd, int oldLookupFlags, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        Descriptor oldDir = directory(oldFd, Rights.PATH_LINK_SOURCE);
        if (oldDir == null) {
            return errno;
        }
        Descriptor newDir = directory(newFd, Rights.PATH_LINK_TARGET);
        if (newDir == null) {
            return errno;
        }
        try {
            mem.begin();
            Node source = lookup(oldDir, oldPath, oldPathLen,
                    (oldLookupFlags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0);
            if (source == null) {
                return errno;
            }
            if (source instanceof DirNode) {
                return Errno.PERM;
            }
            String path = path(newPath, newPathLen);
            if (path == null) {
                return errno;
            }
            int err = resolver.resolve(newDir.directory(), path, false);
            if (err != Errno.SUCCESS) {
                return err;
            }
            if (resolver.node != null || resolver.parent == null) {
                return Errno.EXIST;
            }
            if (resolver.trailingSlash) {
                return Errno.NOENT;
            }
            resolver.parent.link(resolver.name, source);
            source.touchChanged();
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int rename(int oldFd, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        Descriptor oldDir = directory(oldFd, Rights.PATH_RENAME_SOURCE);
        if (oldDir == null) {
            return errno;
        }
        Descriptor newDir = directory(newFd, Rights.PATH_RENAME_TARGET);
        if (newDir == null) {
            return errno;
        }
        try {
            mem.begin();
            String from = path(oldPath, oldPathLen);
            if (from == null) {
                return errno;
            }
            String to = path(newPath, newPathLen);
            if (to == null) {
                return errno;
            }
            int err = resolver.resolve(oldDir.directory(), from, false);
            if (err != Errno.SUCCESS) {
                return err;
            }
            Node moving = resolver.node;
            DirNode fromParent = resolver.parent;
            String fromName = resolver.name;
            boolean fromSlash = resolver.trailingSlash;
            if (moving == null) {
                return Errno.NOENT;
            }
            if (fromParent == null) {
                return Errno.BUSY;
            }
            err = resolver.resolve(newDir.directory(), to, false);
            if (err != Errno.SUCCESS) {
                return err;
            }
            Node replaced = resolver.node;
            DirNode toParent = resolver.parent;
            String toName = resolver.name;
            if (toParent == null) {
                return Errno.BUSY;
            }
            if (moving instanceof DirNode) {
                if (replaced != null && !(replaced instanceof DirNode)) {
                    return Errno.NOTDIR;
                }
                if (replaced != null && replaced != moving && !((DirNode) replaced).isEmpty()) {
                    return Errno.NOTEMPTY;
                }
                for (DirNode p = toParent; ; p = p.parent()) {
                    if (p == moving) {
                        return Errno.INVAL;
                    }
                    if (p.parent() == p) {
                        break;
                    }
                }
            } else {
                if (fromSlash || resolver.trailingSlash) {
                    return Errno.NOTDIR;
                }
                if (replaced instanceof DirNode) {
                    return Errno.ISDIR;
                }
            }
            if (replaced == moving) {
                return Errno.SUCCESS;
            }
            if (replaced != null) {
                toParent.unlink(toName);
            }
            fromParent.unlink(fromName);
            toParent.link(toName, moving);
            moving.touchChanged();
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }
}
