package dev.wasiplay.polyfill.vfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The filesystem image format shared by both engines and the server: a POSIX ustar archive, with pax
 * extended headers for names or link targets longer than 100 bytes. The same tree always gives the same
 * bytes, so "same image in, same image out" makes two trees comparable byte for byte.
 *
 * <p>{@link #create} writes, depth first with the names of each directory sorted bytewise (like
 * {@code tar --sort=name}): directories ({@code "name/"}, type 5, mode 0755), regular files (type 0, mode
 * 0644), symlinks (type 2, mode 0777, target as written) and, for a file or symlink reached a second time,
 * hard links (type 1, naming the first path). Paths are relative to the root, without "./". uid and gid
 * are 1000, uname and gname "wasiplay", mtime is the node's mtim in whole seconds (clamped to what 11 octal
 * digits hold), devices 0. Two zero blocks end the archive; it is not padded further.
 *
 * <p>{@link #extract} reads what {@link #create} writes and what common tar tools write: ustar, pax
 * ({@code path}, {@code linkpath}, {@code size}, {@code mtime}; global headers are ignored) and GNU long
 * names (types L and K). Entry times become atim, mtim and ctim. It rejects, with an
 * {@link IllegalArgumentException} naming the entry: absolute paths, ".." components, entry types other
 * than files, directories, symlinks and hard links, bad checksums or numbers, data running past the end,
 * a missing end-of-archive block, and entries that would replace a directory or go through a
 * non-directory.
 */
public final class TarImage {
    private static final int BLOCK = 512;
    private static final long MAX_OCTAL_11 = 077777777777L;
    private static final byte[] OWNER = "wasiplay".getBytes(StandardCharsets.UTF_8);

    private TarImage() {
    }

    // ======================================================================== create

    /** The whole tree under the root as a deterministic ustar archive. */
    public static byte[] create(VirtualFileSystem fs) {
        Output out = new Output();
        Map<Node, String> seen = new HashMap<>();
        writeDirectory(out, fs.root(), "", seen);
        out.write(new byte[2 * BLOCK], 0, 2 * BLOCK);
        return out.toByteArray();
    }

    private static void writeDirectory(Output out, DirNode dir, String prefix,
            Map<Node, String> seen) {
        List<DirNode.Entry> entries = dir.entries();
        entries.sort((a, b) -> compareBytes(a.nameBytes(), b.nameBytes()));
        for (DirNode.Entry e : entries) {
            String path = prefix + e.name();
            Node node = e.node;
            long mtime = Math.max(0, Math.min(MAX_OCTAL_11, Math.floorDiv(node.mtim, 1_000_000_000L)));
            if (node instanceof DirNode) {
                writeEntry(out, path + "/", (byte) '5', 0755, 0, mtime, "");
                writeDirectory(out, (DirNode) node, path + "/", seen);
                continue;
            }
            String first = seen.get(node);
            if (first != null) {
                writeEntry(out, path, (byte) '1', 0644, 0, mtime, first);
                continue;
            }
            if (node.nlink() > 1) {
                seen.put(node, path);
            }
            if (node instanceof SymlinkNode) {
                writeEntry(out, path, (byte) '2', 0777, 0, mtime, ((SymlinkNode) node).target());
            } else {
                FileNode file = (FileNode) node;
                int size = (int) file.size();
                writeEntry(out, path, (byte) '0', 0644, size, mtime, "");
                out.write(file.data(), 0, size);
                pad(out, size);
            }
        }
    }

    private static void writeEntry(Output out, String path, byte type, int mode, long size,
            long mtime, String link) {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        byte[] linkName = link.getBytes(StandardCharsets.UTF_8);
        if (name.length > 100 || linkName.length > 100) {
            StringBuilder pax = new StringBuilder();
            if (name.length > 100) {
                pax.append(paxRecord("path", path));
            }
            if (linkName.length > 100) {
                pax.append(paxRecord("linkpath", link));
            }
            byte[] records = pax.toString().getBytes(StandardCharsets.UTF_8);
            out.write(header(bytesOf("PaxHeader"), (byte) 'x', 0644, records.length, mtime, new byte[0]), 0, BLOCK);
            out.write(records, 0, records.length);
            pad(out, records.length);
        }
        out.write(header(truncate(name), type, mode, size, mtime, truncate(linkName)), 0, BLOCK);
    }

    /** A pax record "LEN key=value\n" whose LEN counts the whole record, itself included. */
    private static String paxRecord(String key, String value) {
        int body = key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length + 3;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length++;
        }
        return length + " " + key + "=" + value + "\n";
    }

    private static byte[] header(byte[] name, byte type, int mode, long size, long mtime, byte[] link) {
        byte[] h = new byte[BLOCK];
        System.arraycopy(name, 0, h, 0, name.length);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 1000);
        octal(h, 116, 8, 1000);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = type;
        System.arraycopy(link, 0, h, 157, link.length);
        System.arraycopy(bytesOf("ustar"), 0, h, 257, 5);
        h[263] = '0';
        h[264] = '0';
        System.arraycopy(OWNER, 0, h, 265, OWNER.length);
        System.arraycopy(OWNER, 0, h, 297, OWNER.length);
        octal(h, 329, 8, 0);
        octal(h, 337, 8, 0);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0; // at most 512 * 255: an int (a long is a BigInt in the browser build)
        for (byte b : h) {
            sum += b & 0xFF;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        return h;
    }

    /** Writes {@code value} as zero-padded octal digits filling {@code width - 1} bytes, then a NUL. */
    private static void octal(byte[] h, int offset, int width, long value) {
        for (int i = offset + width - 2; i >= offset; i--) {
            h[i] = (byte) ('0' + (value & 7));
            value >>>= 3;
        }
        h[offset + width - 1] = 0;
    }

    private static byte[] truncate(byte[] bytes) {
        if (bytes.length <= 100) {
            return bytes;
        }
        byte[] cut = new byte[100];
        System.arraycopy(bytes, 0, cut, 0, 100);
        return cut;
    }

    private static void pad(Output out, int size) {
        int rest = (BLOCK - size % BLOCK) % BLOCK;
        out.write(new byte[rest], 0, rest);
    }

    /**
     * The archive as a list of pieces (headers, and file contents by reference), copied once into an array
     * of the exact size at the end. Not ByteArrayOutputStream: TeaVM's copies byte by byte (its write and
     * Arrays.copyOf are plain loops), which made a tree holding a 5 MB file cost tens of milliseconds in the
     * browser at the end of every run; and growing a buffer copies everything again at each doubling.
     * The pieces must not change before {@link #toByteArray} (the tree is not touched meanwhile).
     */
    private static final class Output {
        private final List<byte[]> arrays = new ArrayList<>();
        private final List<int[]> ranges = new ArrayList<>();
        private int size;

        void write(byte[] source, int offset, int length) {
            if (length > 0) {
                arrays.add(source);
                ranges.add(new int[] {offset, length});
                size += length;
            }
        }

        byte[] toByteArray() {
            byte[] whole = new byte[size];
            int at = 0;
            for (int i = 0; i < arrays.size(); i++) {
                int[] range = ranges.get(i);
                System.arraycopy(arrays.get(i), range[0], whole, at, range[1]);
                at += range[1];
            }
            return whole;
        }
    }

    private static byte[] bytesOf(String ascii) {
        return ascii.getBytes(StandardCharsets.UTF_8);
    }

    static int compareBytes(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        return a.length - b.length;
    }

    // ======================================================================= extract

    /**
     * Adds the archive's entries to {@code fs} (paths relative to its root; existing files and symlinks
     * are replaced). Nothing is guaranteed about {@code fs} when this throws, so extract into a fresh tree.
     *
     * @throws IllegalArgumentException when the archive is malformed or unsafe, naming the entry
     */
    public static void extract(byte[] tar, VirtualFileSystem fs) {
        if (tar == null || tar.length == 0) {
            throw new IllegalArgumentException("tar image is empty");
        }
        List<Node> timedNodes = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        String longName = null;
        String longLink = null;
        Map<String, String> pax = new HashMap<>();
        int offset = 0;
        while (true) {
            if (offset + BLOCK > tar.length) {
                throw new IllegalArgumentException("tar image is truncated: no end-of-archive block after offset "
                        + offset);
            }
            if (isZero(tar, offset)) {
                break;
            }
            checkChecksum(tar, offset);
            byte type = tar[offset + 156];
            long size = number(tar, offset + 124, 12, offset, "size");
            String rawName = headerName(tar, offset);
            int dataStart = offset + BLOCK;
            if (pax.containsKey("size")) {
                size = paxNumber(pax.get("size"), rawName);
            }
            if (size < 0 || dataStart + size > tar.length) {
                throw new IllegalArgumentException("tar entry " + rawName + ": data runs past the end of the image");
            }
            int dataLength = (int) size;
            int next = dataStart + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
            if (type == 'x') {
                parsePax(tar, dataStart, dataLength, rawName, pax);
                offset = next;
                continue;
            }
            if (type == 'g') {
                offset = next;
                continue;
            }
            if (type == 'L' || type == 'K') {
                String value = cString(tar, dataStart, dataLength);
                if (type == 'L') {
                    longName = value;
                } else {
                    longLink = value;
                }
                offset = next;
                continue;
            }
            String name = pax.containsKey("path") ? pax.get("path") : longName != null ? longName : rawName;
            String link = pax.containsKey("linkpath") ? pax.get("linkpath")
                    : longLink != null ? longLink : cString(tar, offset + 157, 100);
            long mtimeNanos = pax.containsKey("mtime")
                    ? paxTime(pax.get("mtime"), name)
                    : number(tar, offset + 136, 12, offset, "mtime") * 1_000_000_000L;
            pax.clear();
            longName = null;
            longLink = null;
            Node node = add(fs, name, type, tar, dataStart, dataLength, link);
            if (node != null) {
                timedNodes.add(node);
                times.add(mtimeNanos);
            }
            offset = next;
        }
        for (int i = 0; i < timedNodes.size(); i++) {
            Node node = timedNodes.get(i);
            long t = times.get(i);
            node.atim = t;
            node.mtim = t;
            node.ctim = t;
        }
    }

    /** Adds one entry; returns the node whose times the entry sets (null for the root itself). */
    private static Node add(VirtualFileSystem fs, String name, byte type, byte[] tar, int data, int length,
            String link) {
        String[] parts = entryPath(name);
        if (parts.length == 0) {
            if (type == '5') {
                return fs.root();
            }
            throw new IllegalArgumentException("tar entry " + name + ": names the root but is not a directory");
        }
        DirNode parent = parentOf(fs, parts, name);
        String last = parts[parts.length - 1];
        Node existing = parent.get(last);
        if (existing instanceof DirNode) {
            if (type == '5') {
                return existing;
            }
            throw new IllegalArgumentException("tar entry " + name + ": would replace a directory");
        }
        Node created;
        switch (type) {
            case '5':
                created = fs.newDirectory(parent);
                break;
            case '0':
            case 0:
            case '7': {
                if (length > VirtualFileSystem.MAX_FILE_SIZE) {
                    throw new IllegalArgumentException("tar entry " + name + ": file too large");
                }
                FileNode file = fs.newFile();
                byte[] content = new byte[length];
                System.arraycopy(tar, data, content, 0, length);
                file.setContent(content);
                created = file;
                break;
            }
            case '2':
                created = fs.newSymlink(link);
                break;
            case '1': {
                String[] targetParts = entryPath(link);
                Node target = targetParts.length == 0 ? null : fs.lookup(link);
                if (target == null || target instanceof DirNode) {
                    throw new IllegalArgumentException("tar entry " + name + ": hard link to " + link
                            + ", which is not an earlier file or symlink");
                }
                created = target;
                break;
            }
            default:
                throw new IllegalArgumentException("tar entry " + name + ": unsupported entry type '"
                        + (char) type + "' (only files, directories, symlinks and hard links)");
        }
        if (existing == created) {
            return created;
        }
        if (existing != null) {
            parent.unlink(last);
        }
        parent.link(last, created);
        return created;
    }

    /** The directory that will hold the entry, creating missing directories; never through a non-directory. */
    private static DirNode parentOf(VirtualFileSystem fs, String[] parts, String name) {
        DirNode dir = fs.root();
        for (int i = 0; i < parts.length - 1; i++) {
            Node next = dir.get(parts[i]);
            if (next == null) {
                DirNode created = fs.newDirectory(dir);
                dir.link(parts[i], created);
                dir = created;
            } else if (next instanceof DirNode) {
                dir = (DirNode) next;
            } else {
                throw new IllegalArgumentException("tar entry " + name + ": " + parts[i] + " is not a directory");
            }
        }
        return dir;
    }

    /** An entry path's components: "./" prefixes and empty or "." parts dropped; absolute and ".." refused. */
    private static String[] entryPath(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("tar entry with an empty name");
        }
        if (name.charAt(0) == '/') {
            throw new IllegalArgumentException("tar entry " + name + ": absolute paths are not allowed");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i < name.length() && name.charAt(i) != '/') {
                continue;
            }
            String part = name.substring(start, i);
            start = i + 1;
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IllegalArgumentException("tar entry " + name + ": '..' is not allowed");
            }
            if (part.length() > PathResolver.NAME_MAX) {
                throw new IllegalArgumentException("tar entry " + name + ": a name is longer than 255 bytes");
            }
            parts.add(part);
        }
        return parts.toArray(new String[0]);
    }

    private static String headerName(byte[] tar, int offset) {
        String name = cString(tar, offset, 100);
        boolean ustar = tar[offset + 257] == 'u' && tar[offset + 258] == 's' && tar[offset + 259] == 't'
                && tar[offset + 260] == 'a' && tar[offset + 261] == 'r' && tar[offset + 262] == 0;
        if (ustar) {
            String prefix = cString(tar, offset + 345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static void checkChecksum(byte[] tar, int offset) {
        long stored;
        try {
            stored = number(tar, offset + 148, 8, offset, "checksum");
        } catch (IllegalArgumentException e) {
            stored = -1;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = (i >= 148 && i < 156) ? ' ' : tar[offset + i];
            unsigned += b & 0xFF;
            signed += (byte) b;
        }
        if (stored != unsigned && stored != signed) {
            throw new IllegalArgumentException("tar header at offset " + offset + ": bad checksum (not a tar image?)");
        }
    }

    /** An octal field (leading spaces allowed, ended by space or NUL), or GNU base-256 when the top bit is set. */
    private static long number(byte[] tar, int at, int width, int header, String field) {
        if ((tar[at] & 0x80) != 0) {
            long value = tar[at] & 0x3F;
            for (int i = 1; i < width; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw new IllegalArgumentException("tar header at offset " + header + ": " + field + " too large");
                }
                value = (value << 8) | (tar[at + i] & 0xFF);
            }
            if ((tar[at] & 0x40) != 0) {
                throw new IllegalArgumentException("tar header at offset " + header + ": negative " + field);
            }
            return value;
        }
        int i = at;
        int end = at + width;
        while (i < end && (tar[i] == ' ' || tar[i] == 0)) {
            i++;
        }
        long value = 0;
        boolean digits = false;
        for (; i < end && tar[i] != ' ' && tar[i] != 0; i++) {
            int d = tar[i] - '0';
            if (d < 0 || d > 7) {
                throw new IllegalArgumentException("tar header at offset " + header + ": bad " + field + " field");
            }
            value = value * 8 + d;
            digits = true;
        }
        for (; i < end; i++) {
            if (tar[i] != ' ' && tar[i] != 0) {
                throw new IllegalArgumentException("tar header at offset " + header + ": bad " + field + " field");
            }
        }
        return digits ? value : 0;
    }

    private static void parsePax(byte[] tar, int start, int length, String entry, Map<String, String> into) {
        int at = start;
        int end = start + length;
        while (at < end) {
            if (tar[at] == 0) {
                break;
            }
            int space = at;
            int recordLength = 0;
            while (space < end && tar[space] >= '0' && tar[space] <= '9') {
                recordLength = recordLength * 10 + (tar[space] - '0');
                if (recordLength > length) {
                    break;
                }
                space++;
            }
            if (space == at || space >= end || tar[space] != ' ' || recordLength <= space - at + 1
                    || at + recordLength > end || tar[at + recordLength - 1] != '\n') {
                throw new IllegalArgumentException("tar entry " + entry + ": malformed pax header");
            }
            String record = new String(tar, space + 1, at + recordLength - 1 - (space + 1), StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("tar entry " + entry + ": malformed pax record");
            }
            into.put(record.substring(0, eq), record.substring(eq + 1));
            at += recordLength;
        }
    }

    private static long paxNumber(String value, String entry) {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tar entry " + entry + ": bad pax size " + value);
        }
    }

    /** A pax time "seconds[.fraction]" in nanoseconds. */
    private static long paxTime(String value, String entry) {
        try {
            int dot = value.indexOf('.');
            String whole = dot < 0 ? value : value.substring(0, dot);
            long seconds = Long.parseLong(whole);
            long nanos = 0;
            if (dot >= 0) {
                String fraction = value.substring(dot + 1);
                for (int i = 0; i < 9; i++) {
                    char c = i < fraction.length() ? fraction.charAt(i) : '0';
                    if (c < '0' || c > '9') {
                        throw new NumberFormatException();
                    }
                    nanos = nanos * 10 + (c - '0');
                }
                if (value.startsWith("-")) {
                    nanos = -nanos;
                }
            }
            return seconds * 1_000_000_000L + nanos;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tar entry " + entry + ": bad pax mtime " + value);
        }
    }

    private static String cString(byte[] tar, int at, int width) {
        int end = at;
        while (end < at + width && tar[end] != 0) {
            end++;
        }
        return new String(tar, at, end - at, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] tar, int offset) {
        for (int i = offset; i < offset + BLOCK; i++) {
            if (tar[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
