package dev.wasiplay.polyfill.vfs;

import dev.wasiplay.polyfill.Errno;

/**
 * Resolves a guest path (UTF-8 bytes) relative to a directory the way wasmtime does on Linux, where
 * cap-std opens paths with {@code openat2(RESOLVE_BENEATH)}: the walk may never leave the directory it
 * started from. An absolute path, a ".." above the start, or a symlink whose target is absolute or climbs
 * above the start answers PERM; more than {@link #MAX_SYMLINKS} symlinks answer LOOP; a component longer
 * than 255 bytes or a path of 4096 bytes or more answers NAMETOOLONG.
 *
 * <p>Two styles, as in wasmtime:
 * <ul>
 *   <li>{@link #resolve}: open/stat style, the whole path is walked and the final symlink followed on
 *       request (a trailing slash always follows it and requires a directory);</li>
 *   <li>{@link #resolveParent}: cap-std's "via parent" style used by mkdir, rmdir, unlink, symlink, link,
 *       readlink and rename: the path is split into a directory part (walked, following symlinks) and a
 *       final name that is not followed. A path ending in "/", "/." or ".." names "." inside the
 *       directory it denotes, which is why {@code rmdir("dir/")} answers INVAL like {@code rmdir("dir/.")}.</li>
 * </ul>
 *
 * <p>One resolver serves a guest instance; results are left in its fields and stay valid until the next
 * call. Resolving allocates nothing (buffers grow only for unusually long paths).
 */
public final class PathResolver {
    public static final int MAX_SYMLINKS = 40;
    public static final int NAME_MAX = 255;
    /** Linux's PATH_MAX, which counts the terminating NUL: paths of 4096 bytes or more are too long. */
    public static final int PATH_MAX = 4096;

    /** The directory holding the final name; for {@link #resolve} null when the final component is "." or "..". */
    public DirNode dir;
    /** The final directory entry, or null when the name is free or the final component is a dot. */
    public DirNode.Entry entry;
    /** What the path names, or null when the final name does not exist. */
    public Node node;
    /** The final component is "." (or ".." for {@link #resolve}): {@link #node} is a directory with no entry. */
    public boolean dot;
    /** {@link #resolve} only: the final component was followed by '/'. */
    public boolean trailingSlash;
    /** The final name, {@code nameBytes[nameOffset..nameOffset+nameLength)}, when it is not a dot. */
    public byte[] nameBytes;
    public int nameOffset;
    public int nameLength;

    private byte[] work = new byte[256];
    private byte[] spare = new byte[256];
    private DirNode[] stack = new DirNode[16];

    private void clear() {
        dir = null;
        entry = null;
        node = null;
        dot = false;
        trailingSlash = false;
        nameBytes = null;
        nameOffset = 0;
        nameLength = 0;
    }

    /**
     * Open/stat style: walks {@code path[0..length)} from {@code base}.
     *
     * @param followFinal whether a symlink as the final component is followed
     * @return an errno; on SUCCESS {@link #node} may still be null (the name is free in {@link #dir})
     */
    public int resolve(DirNode base, byte[] path, int length, boolean followFinal) {
        clear();
        if (length == 0) {
            return Errno.NOENT;
        }
        if (path[0] == '/') {
            return Errno.PERM;
        }
        if (length >= PATH_MAX) {
            return Errno.NAMETOOLONG;
        }
        if (work.length < length) {
            work = new byte[Math.max(length, work.length * 2)];
        }
        System.arraycopy(path, 0, work, 0, length);
        int pos = 0;
        int end = length;
        int depth = 0;
        stack[0] = base;
        int symlinks = 0;
        while (true) {
            while (pos < end && work[pos] == '/') {
                pos++;
            }
            if (pos >= end) {
                node = stack[depth];
                dot = true;
                return Errno.SUCCESS;
            }
            int start = pos;
            while (pos < end && work[pos] != '/') {
                pos++;
            }
            int nameLen = pos - start;
            int after = pos;
            while (after < end && work[after] == '/') {
                after++;
            }
            boolean last = after == end;
            boolean slashAfter = pos < end;
            if (nameLen > NAME_MAX) {
                return Errno.NAMETOOLONG;
            }
            DirNode current = stack[depth];
            if (isDot(work, start, nameLen)) {
                if (last) {
                    node = current;
                    dot = true;
                    trailingSlash = slashAfter;
                    return Errno.SUCCESS;
                }
                continue;
            }
            if (isDotDot(work, start, nameLen)) {
                if (depth == 0) {
                    return Errno.PERM;
                }
                stack[depth--] = null;
                if (last) {
                    node = stack[depth];
                    dot = true;
                    trailingSlash = slashAfter;
                    return Errno.SUCCESS;
                }
                continue;
            }
            DirNode.Entry found = current.removed ? null : current.find(work, start, nameLen);
            Node child = found == null ? null : found.node;
            if (child instanceof SymlinkNode && (!last || followFinal || slashAfter)) {
                if (++symlinks > MAX_SYMLINKS) {
                    return Errno.LOOP;
                }
                byte[] target = ((SymlinkNode) child).targetBytes();
                if (target.length == 0) {
                    return Errno.NOENT;
                }
                if (target[0] == '/') {
                    return Errno.PERM;
                }
                int rest = end - pos;
                int spliced = target.length + rest;
                if (spare.length < spliced) {
                    spare = new byte[Math.max(spliced, spare.length * 2)];
                }
                System.arraycopy(target, 0, spare, 0, target.length);
                System.arraycopy(work, pos, spare, target.length, rest);
                byte[] swap = work;
                work = spare;
                spare = swap;
                pos = 0;
                end = spliced;
                continue;
            }
            if (last) {
                dir = current;
                entry = found;
                node = child;
                nameBytes = work;
                nameOffset = start;
                nameLength = nameLen;
                trailingSlash = slashAfter;
                if (child != null && slashAfter && !(child instanceof DirNode)) {
                    return Errno.NOTDIR;
                }
                return Errno.SUCCESS;
            }
            if (child == null) {
                return Errno.NOENT;
            }
            if (!(child instanceof DirNode)) {
                return Errno.NOTDIR;
            }
            if (++depth == stack.length) {
                DirNode[] bigger = new DirNode[stack.length * 2];
                System.arraycopy(stack, 0, bigger, 0, stack.length);
                stack = bigger;
            }
            stack[depth] = (DirNode) child;
        }
    }

    /**
     * Via-parent style: resolves the directory part of {@code path[0..length)} (following symlinks) into
     * {@link #dir} and looks the final name up there without following it. {@link #nameBytes} then refers
     * to {@code path} itself.
     *
     * @param stripTrailingSlashes drop trailing slashes first (cap-std does for mkdir and rename)
     */
    public int resolveParent(DirNode base, byte[] path, int length, boolean stripTrailingSlashes) {
        clear();
        if (stripTrailingSlashes) {
            while (length > 1 && path[length - 1] == '/') {
                length--;
            }
        }
        if (length == 0) {
            return Errno.NOENT;
        }
        if (path[0] == '/') {
            return Errno.PERM;
        }
        if (length >= PATH_MAX) {
            return Errno.NAMETOOLONG;
        }
        int dirLength;
        boolean baseIsDot;
        int nameStart = 0;
        int nameLen = 0;
        if (path[length - 1] == '/' || (length >= 2 && path[length - 2] == '/' && path[length - 1] == '.')) {
            dirLength = length;
            baseIsDot = true;
        } else {
            nameStart = length;
            while (nameStart > 0 && path[nameStart - 1] != '/') {
                nameStart--;
            }
            nameLen = length - nameStart;
            if (isDotDot(path, nameStart, nameLen)) {
                dirLength = length;
                baseIsDot = true;
            } else if (isDot(path, nameStart, nameLen)) {
                dirLength = nameStart;
                baseIsDot = true;
            } else {
                dirLength = nameStart;
                baseIsDot = false;
            }
        }
        DirNode parent = base;
        if (dirLength > 0) {
            int err = resolve(base, path, dirLength, true);
            if (err != Errno.SUCCESS) {
                return err;
            }
            if (node == null) {
                return Errno.NOENT;
            }
            if (!(node instanceof DirNode)) {
                return Errno.NOTDIR;
            }
            parent = (DirNode) node;
            clear();
        }
        dir = parent;
        if (baseIsDot) {
            dot = true;
            node = parent;
            return Errno.SUCCESS;
        }
        if (nameLen > NAME_MAX) {
            return Errno.NAMETOOLONG;
        }
        nameBytes = path;
        nameOffset = nameStart;
        nameLength = nameLen;
        entry = parent.removed ? null : parent.find(path, nameStart, nameLen);
        node = entry == null ? null : entry.node;
        return Errno.SUCCESS;
    }

    /** A copy of the final name, for creating an entry. */
    public byte[] copyName() {
        byte[] name = new byte[nameLength];
        System.arraycopy(nameBytes, nameOffset, name, 0, nameLength);
        return name;
    }

    static boolean isDot(byte[] b, int offset, int length) {
        return length == 1 && b[offset] == '.';
    }

    static boolean isDotDot(byte[] b, int offset, int length) {
        return length == 2 && b[offset] == '.' && b[offset + 1] == '.';
    }
}
