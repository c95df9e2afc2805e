package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.SymlinkNode;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * STAND-IN, TO DELETE: the filesystem image format (an uncompressed POSIX ustar archive) until
 * {@code dev.wasiplay.polyfill.vfs.TarImage} lands in the polyfill (issue 3), which is the one implementation
 * both engines will share. Same API ({@link #create}, {@link #extract}); switching is replacing this class's
 * name at its call sites.
 *
 * <p>{@link #create} writes, depth first in name order, a directory entry (type 5, mode 0755) for every
 * directory but the root, a regular file entry (type 0, mode 0644) for every file and a symlink entry (type
 * 2) for every symlink, all with uid/gid 0 and mtime 0, so the same tree always gives the same bytes. Paths
 * are relative to the root; paths longer than 100 bytes are split into ustar's prefix and name fields.
 */
final class InterimTarImage {

    private static final int BLOCK = 512;

    private InterimTarImage() {}

    /** The tree under {@code fs}'s root as a ustar archive. */
    static byte[] create(VirtualFileSystem fs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeDirectory(fs.root(), "", out);
        out.writeBytes(new byte[2 * BLOCK]); // end of archive
        return out.toByteArray();
    }

    /** Adds the archive's directories, files and symlinks to {@code fs} (under its root). */
    static void extract(byte[] tar, VirtualFileSystem fs) {
        int position = 0;
        while (position + BLOCK <= tar.length) {
            byte[] header = Arrays.copyOfRange(tar, position, position + BLOCK);
            position += BLOCK;
            if (isZero(header)) {
                return;
            }
            if (checksum(header) != octal(header, 148, 8)) {
                throw new IllegalArgumentException("bad tar header checksum at byte " + (position - BLOCK));
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            if (type == '5') {
                fs.mkdirs(path);
            } else if (type == '2') {
                fs.symlink(path, text(header, 157, 100));
            } else if (type == '0' || type == '\0') {
                if (position + size > tar.length) {
                    throw new IllegalArgumentException("tar entry " + path + " runs past the end of the archive");
                }
                fs.writeFile(path, Arrays.copyOfRange(tar, position, position + (int) size));
            } else {
                throw new IllegalArgumentException("unsupported tar entry type '" + type + "' for " + path);
            }
            position += (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
        }
    }

    private static void writeDirectory(DirNode dir, String prefix, ByteArrayOutputStream out) {
        List<DirNode.Entry> entries = new ArrayList<>(dir.entries());
        entries.sort((a, b) -> a.name.compareTo(b.name));
        for (DirNode.Entry entry : entries) {
            String path = prefix + entry.name;
            Node node = entry.node;
            if (node instanceof DirNode) {
                out.writeBytes(header(path + "/", '5', 0755, 0, ""));
                writeDirectory((DirNode) node, path + "/", out);
            } else if (node instanceof FileNode) {
                byte[] content = ((FileNode) node).content();
                out.writeBytes(header(path, '0', 0644, content.length, ""));
                out.writeBytes(content);
                out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
            } else if (node instanceof SymlinkNode) {
                out.writeBytes(header(path, '2', 0777, 0, ((SymlinkNode) node).target()));
            }
        }
    }

    private static byte[] header(String path, char type, int mode, long size, String linkTarget) {
        byte[] header = new byte[BLOCK];
        byte[] name = path.getBytes(UTF_8);
        int split = 0;
        if (name.length > 100) {
            split = splitPoint(name, path);
            System.arraycopy(name, 0, header, 345, split);
        }
        int nameStart = split == 0 ? 0 : split + 1;
        System.arraycopy(name, nameStart, header, 0, name.length - nameStart);
        putOctal(header, 100, 8, mode);
        putOctal(header, 108, 8, 0);
        putOctal(header, 116, 8, 0);
        putOctal(header, 124, 12, size);
        putOctal(header, 136, 12, 0);
        header[156] = (byte) type;
        byte[] link = linkTarget.getBytes(UTF_8);
        if (link.length > 100) {
            throw new IllegalArgumentException("symlink target longer than 100 bytes: " + linkTarget);
        }
        System.arraycopy(link, 0, header, 157, link.length);
        System.arraycopy("ustar\0".getBytes(UTF_8), 0, header, 257, 6);
        header[263] = '0';
        header[264] = '0';
        putOctal(header, 148, 7, checksum(header));
        header[155] = ' ';
        return header;
    }

    /** Where to cut a long path into prefix (at most 155 bytes) and name (at most 100): at a '/'. */
    private static int splitPoint(byte[] name, String path) {
        for (int slash = Math.min(155, name.length - 2); slash > 0; slash--) {
            if (name[slash] == '/' && name.length - slash - 1 <= 100) {
                return slash;
            }
        }
        throw new IllegalArgumentException("path too long for a ustar archive (more than 255 bytes or a name "
                + "over 100): " + path);
    }

    /** The header's checksum: its bytes summed with the checksum field counted as spaces. */
    private static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xFF);
        }
        return sum;
    }

    /** An octal number in {@code length - 1} digits followed by NUL. */
    private static void putOctal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException("value too large for a ustar field: " + value);
        }
        String padded = "0".repeat(length - 1 - digits.length()) + digits;
        System.arraycopy(padded.getBytes(UTF_8), 0, header, offset, length - 1);
        header[offset + length - 1] = 0;
    }

    private static long octal(byte[] header, int offset, int length) {
        String field = text(header, offset, length).trim();
        return field.isEmpty() ? 0 : Long.parseLong(field, 8);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
