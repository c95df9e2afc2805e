package dev.wasiplay.polyfill.vfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarImageTest {
    private static final String LONG_NAME = "deep/" + "x".repeat(120) + "/file-with-a-name-past-the-ustar-limit.txt";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A tree with every kind of node the image format carries. */
    private static VirtualFileSystem sampleTree() {
        VirtualFileSystem fs = new VirtualFileSystem();
        fs.writeFile("b/hello.txt", utf8("hello\n"));
        fs.writeFile("a/binary.bin", new byte[] {0, 1, 2, (byte) 0xFF});
        fs.mkdirs("a/empty");
        fs.writeFile("ünïcødé/名前.txt", utf8("名前"));
        fs.symlink("links/relative", "../b/hello.txt");
        fs.symlink("links/absolute", "/etc/passwd");
        fs.symlink("links/dangling", "nowhere");
        fs.symlink("links/long-target", "t".repeat(150));
        fs.link("b/hard", "b/hello.txt");
        fs.writeFile(LONG_NAME, utf8("long"));
        fs.writeFile("big.bin", new byte[70_000]);
        return fs;
    }

    @Test
    void roundTripKeepsEveryNodeAndGivesTheSameBytes() {
        VirtualFileSystem original = sampleTree();
        byte[] image = TarImage.create(original);
        VirtualFileSystem copy = new VirtualFileSystem();
        TarImage.extract(image, copy);

        assertArrayEquals(image, TarImage.create(copy), "same image in, same image out");
        assertArrayEquals(utf8("hello\n"), copy.readFile("b/hello.txt"));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF}, copy.readFile("a/binary.bin"));
        assertInstanceOf(DirNode.class, copy.lookup("a/empty"));
        assertArrayEquals(utf8("名前"), copy.readFile("ünïcødé/名前.txt"));
        assertEquals("../b/hello.txt", ((SymlinkNode) copy.lookup("links/relative")).target());
        assertEquals("/etc/passwd", ((SymlinkNode) copy.lookup("links/absolute")).target());
        assertEquals("t".repeat(150), ((SymlinkNode) copy.lookup("links/long-target")).target());
        assertSame(copy.lookup("b/hello.txt"), copy.lookup("b/hard"), "a hard link stays one inode");
        assertEquals(2, copy.lookup("b/hard").nlink());
        assertArrayEquals(utf8("long"), copy.readFile(LONG_NAME));
        assertEquals(70_000, copy.lookup("big.bin").size());
    }

    @Test
    void theImageDoesNotDependOnTheOrderThingsWereCreatedIn() {
        VirtualFileSystem one = new VirtualFileSystem();
        one.writeFile("z.txt", utf8("z"));
        one.writeFile("a/b.txt", utf8("b"));
        VirtualFileSystem two = new VirtualFileSystem();
        two.writeFile("a/b.txt", utf8("b"));
        two.writeFile("z.txt", utf8("z"));
        for (VirtualFileSystem fs : List.of(one, two)) {
            for (String path : List.of("a", "a/b.txt", "z.txt")) {
                fs.lookup(path).mtim = 1_700_000_000_123_456_789L;
            }
        }
        assertArrayEquals(TarImage.create(one), TarImage.create(two));
    }

    @Test
    void headersAreFixedUstarFieldsWithTheNodesMtimeInSeconds() {
        VirtualFileSystem fs = new VirtualFileSystem();
        fs.writeFile("dir/file.txt", utf8("abc"));
        fs.lookup("dir").mtim = 1_700_000_000_999_000_000L;
        fs.lookup("dir/file.txt").mtim = 1_600_000_000_000_000_000L;
        byte[] image = TarImage.create(fs);

        assertEquals(512 * 5, image.length, "dir header, file header, one data block, two end blocks");
        assertEquals("dir/", field(image, 0, 100));
        assertEquals("0000755", field(image, 100, 8));
        assertEquals("0001750", field(image, 108, 8), "uid 1000");
        assertEquals("0001750", field(image, 116, 8), "gid 1000");
        assertEquals(Long.toOctalString(1_700_000_000L), field(image, 136, 12).replaceFirst("^0+", ""));
        assertEquals('5', image[156]);
        assertEquals("ustar", field(image, 257, 6));
        assertEquals("wasiplay", field(image, 265, 32));
        assertEquals("dir/file.txt", field(image, 512, 100));
        assertEquals("0000644", field(image, 612, 8));
        assertEquals("00000000003", field(image, 636, 12));
        assertEquals('0', image[512 + 156]);
        assertEquals("abc", field(image, 1024, 3));

        VirtualFileSystem back = new VirtualFileSystem();
        TarImage.extract(image, back);
        assertEquals(1_700_000_000_000_000_000L, back.lookup("dir").mtim);
        assertEquals(1_600_000_000_000_000_000L, back.lookup("dir/file.txt").atim);
    }

    private static String field(byte[] image, int at, int width) {
        int end = at;
        while (end < at + width && image[end] != 0) {
            end++;
        }
        return new String(image, at, end - at, StandardCharsets.UTF_8);
    }

    // ---- interoperability with GNU tar (part of every Debian system) ----

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tar hung");
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    @Test
    void gnuTarReadsTheImage(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("image.tar"), TarImage.create(sampleTree()));
        Files.createDirectory(dir.resolve("out"));
        run(dir, "tar", "-xf", "image.tar", "-C", "out");

        assertEquals("hello\n", Files.readString(dir.resolve("out/b/hello.txt")));
        assertEquals("long", Files.readString(dir.resolve("out").resolve(LONG_NAME)));
        assertEquals("/etc/passwd", Files.readSymbolicLink(dir.resolve("out/links/absolute")).toString());
        assertEquals(Files.getAttribute(dir.resolve("out/b/hello.txt"), "unix:ino"),
                Files.getAttribute(dir.resolve("out/b/hard"), "unix:ino"));
    }

    @Test
    void imagesWrittenByGnuTarInEveryFormatAreRead(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path longDir = Files.createDirectories(src.resolve("d".repeat(90) + "/" + "e".repeat(90)));
        Files.writeString(longDir.resolve("deep.txt"), "deep");
        Files.writeString(src.resolve("top.txt"), "top");
        Files.createSymbolicLink(src.resolve("link"), Path.of("top.txt"));
        Files.createLink(src.resolve("hard"), src.resolve("top.txt"));
        for (String format : List.of("gnu", "pax", "ustar")) {
            String archive = format + ".tar";
            run(dir, "tar", "--format=" + format, "-cf", archive, "-C", "src", ".");
            VirtualFileSystem fs = new VirtualFileSystem();
            TarImage.extract(Files.readAllBytes(dir.resolve(archive)), fs);
            String deep = "d".repeat(90) + "/" + "e".repeat(90) + "/deep.txt";
            assertArrayEquals(utf8("deep"), fs.readFile(deep), format);
            assertArrayEquals(utf8("top"), fs.readFile("top.txt"), format);
            assertEquals("top.txt", ((SymlinkNode) fs.lookup("link")).target(), format);
            assertSame(fs.lookup("top.txt"), fs.lookup("hard"), format);
        }
    }

    // ---- bad archives ----

    private static byte[] archiveWith(String name, char type, String link, byte[] data) {
        VirtualFileSystem fs = new VirtualFileSystem();
        fs.writeFile("placeholder", data);
        byte[] image = TarImage.create(fs);
        byte[] header = new byte[512];
        System.arraycopy(image, 0, header, 0, 512);
        java.util.Arrays.fill(header, 0, 100, (byte) 0);
        byte[] n = utf8(name);
        System.arraycopy(n, 0, header, 0, n.length);
        header[156] = (byte) type;
        byte[] l = utf8(link);
        java.util.Arrays.fill(header, 157, 257, (byte) 0);
        System.arraycopy(l, 0, header, 157, l.length);
        rechecksum(header);
        System.arraycopy(header, 0, image, 0, 512);
        return image;
    }

    private static void rechecksum(byte[] header) {
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        byte[] digits = utf8(String.format("%06o", sum));
        System.arraycopy(digits, 0, header, 148, 6);
        header[154] = 0;
    }

    private static String rejection(byte[] image) {
        return assertThrows(IllegalArgumentException.class, () -> TarImage.extract(image, new VirtualFileSystem()))
                .getMessage();
    }

    @Test
    void unsafeOrMalformedArchivesAreRejectedWithAClearMessage() {
        assertEquals("tar entry /etc/passwd: absolute paths are not allowed",
                rejection(archiveWith("/etc/passwd", '0', "", new byte[1])));
        assertEquals("tar entry a/../../escape: '..' is not allowed",
                rejection(archiveWith("a/../../escape", '0', "", new byte[1])));
        assertEquals("tar entry dev: unsupported entry type '3' (only files, directories, symlinks and hard links)",
                rejection(archiveWith("dev", '3', "", new byte[0])));
        assertEquals("tar entry h: hard link to missing, which is not an earlier file or symlink",
                rejection(archiveWith("h", '1', "missing", new byte[0])));
        assertEquals("tar image is empty", rejection(new byte[0]));

        byte[] corrupt = TarImage.create(sampleTree());
        corrupt[10] ^= 1;
        assertEquals("tar header at offset 0: bad checksum (not a tar image?)", rejection(corrupt));

        byte[] whole = archiveWith("f", '0', "", new byte[2000]);
        byte[] cut = java.util.Arrays.copyOf(whole, 1024);
        assertEquals("tar entry f: data runs past the end of the image", rejection(cut));
        byte[] noEnd = java.util.Arrays.copyOf(whole, 512 * 5);
        assertEquals("tar image is truncated: no end-of-archive block after offset 2560", rejection(noEnd));

        VirtualFileSystem fs = new VirtualFileSystem();
        fs.writeFile("x/y", new byte[1]);
        byte[] dirThenFile = TarImage.create(fs);
        byte[] fileOverDir = archiveWith("x", '0', "", new byte[1]);
        assertTrue(rejection(concat(dirThenFile, fileOverDir)).contains("would replace a directory"));
        VirtualFileSystem plain = new VirtualFileSystem();
        plain.writeFile("file", new byte[1]);
        byte[] throughFile = archiveWith("file/inside", '0', "", new byte[1]);
        assertEquals("tar entry file/inside: file is not a directory",
                rejection(concat(TarImage.create(plain), throughFile)));
    }

    /** {@code first} without its end blocks, then {@code second}. */
    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length - 1024 + second.length];
        System.arraycopy(first, 0, out, 0, first.length - 1024);
        System.arraycopy(second, 0, out, first.length - 1024, second.length);
        return out;
    }

    @Test
    void dotSlashPrefixesAndTheRootEntryAreAccepted() {
        List<byte[]> parts = new ArrayList<>();
        parts.add(archiveWith("./", '5', "", new byte[0]));
        parts.add(archiveWith("./a/./b.txt", '0', "", utf8("B")));
        byte[] image = concat(parts.get(0), parts.get(1));
        VirtualFileSystem fs = new VirtualFileSystem();
        TarImage.extract(image, fs);
        assertArrayEquals(utf8("B"), fs.readFile("a/b.txt"));
    }
}
