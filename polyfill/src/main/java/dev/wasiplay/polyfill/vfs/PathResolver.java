package dev.wasiplay.polyfill.vfs;

import dev.wasiplay.polyfill.Errno;
import java.util.ArrayDeque;
import java.util.ArrayList;

/**
 * Resolves a guest path relative to a directory, the way a capability-based host must: the walk may
 * never leave the directory it started from. An absolute path, a ".." above the start, or a symlink
 * whose target does either answers NOTCAPABLE; more than {@link #MAX_SYMLINKS} symlinks answer LOOP.
 *
 * <p>One resolver is reused for every lookup of a guest instance; results are left in its fields.
 */
public final class PathResolver {
    public static final int MAX_SYMLINKS = 40;

    /** Directory holding the last component; null when the last component is "." or "..". */
    public DirNode parent;
    /** Last component as written ("." or ".." included). */
    public String name;
    /** What the path names, or null when the last component does not exist. */
    public Node node;
    /** The path ended in '/': whatever it names must be a directory. */
    public boolean trailingSlash;

    private final ArrayList<DirNode> stack = new ArrayList<>();
    private final ArrayDeque<String> pending = new ArrayDeque<>();

    /**
     * Resolves {@code path} against {@code base}.
     *
     * @param followLast whether a symlink as the last component is followed
     * @return an errno; on SUCCESS {@link #node} may still be null (the name is free in {@link #parent})
     */
    public int resolve(DirNode base, String path, boolean followLast) {
        parent = null;
        name = null;
        node = null;
        if (path.isEmpty()) {
            return Errno.NOENT;
        }
        if (path.charAt(0) == '/') {
            return Errno.NOTCAPABLE;
        }
        trailingSlash = path.charAt(path.length() - 1) == '/';
        stack.clear();
        pending.clear();
        stack.add(base);
        pushComponents(path);
        int symlinks = 0;
        while (!pending.isEmpty()) {
            String part = pending.pollFirst();
            boolean last = pending.isEmpty();
            DirNode current = stack.get(stack.size() - 1);
            if (part.equals(".")) {
                if (last) {
                    name = part;
                    node = current;
                }
                continue;
            }
            if (part.equals("..")) {
                if (stack.size() == 1) {
                    return Errno.NOTCAPABLE;
                }
                stack.remove(stack.size() - 1);
                if (last) {
                    name = part;
                    node = stack.get(stack.size() - 1);
                }
                continue;
            }
            Node child = current.get(part);
            if (child instanceof SymlinkNode && (!last || followLast || trailingSlash)) {
                if (++symlinks > MAX_SYMLINKS) {
                    return Errno.LOOP;
                }
                String target = ((SymlinkNode) child).target();
                if (target.isEmpty()) {
                    return Errno.NOENT;
                }
                if (target.charAt(0) == '/') {
                    return Errno.NOTCAPABLE;
                }
                if (last && target.charAt(target.length() - 1) == '/') {
                    trailingSlash = true;
                }
                pushComponentsFirst(target);
                if (pending.isEmpty()) {
                    // a target of only slashes and dots that all collapsed: names the current directory
                    name = ".";
                    node = current;
                }
                continue;
            }
            if (last) {
                parent = current;
                name = part;
                node = child;
                if (trailingSlash && child != null && !(child instanceof DirNode)) {
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
            stack.add((DirNode) child);
        }
        if (name == null) {
            // the path was only separators and "." components
            name = ".";
            node = stack.get(stack.size() - 1);
        }
        return Errno.SUCCESS;
    }

    private void pushComponents(String path) {
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    pending.addLast(path.substring(start, i));
                }
                start = i + 1;
            }
        }
    }

    private void pushComponentsFirst(String path) {
        int end = path.length();
        for (int i = path.length() - 1; i >= -1; i--) {
            if (i == -1 || path.charAt(i) == '/') {
                if (end > i + 1) {
                    pending.addFirst(path.substring(i + 1, end));
                }
                end = i;
            }
        }
    }
}
