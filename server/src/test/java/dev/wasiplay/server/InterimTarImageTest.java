package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.SymlinkNode;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in image format: ustar that GNU tar reads, and that reads back into the same tree. */
class InterimTarImageTest {

    private static final String LONG_DIRECTORY = "d".repeat(90) + "/" + "e".repeat(60);
    private static final String LONG_PATH = LONG_DIRECTORY + "/" + "f".repeat(95) + ".txt";

    @TempDir
    Path temp;

    private static VirtualFileSystem sampleTree() {
        VirtualFileSystem fs = new VirtualFileSystem();
        fs.writeFile("main.py", "print('hi')\n".getBytes(UTF_8));
        fs.writeFile("lib/util.py", new byte[0]);
        byte[] binary = new byte[1500];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        fs.writeFile("data/blob.bin", binary);
        fs.writeFile("data/ünïcode ✓.txt", "ok".getBytes(UTF_8));
        fs.writeFile(LONG_PATH, "deep".getBytes(UTF_8));
        fs.mkdirs("empty/dir");
        fs.symlink("link", "main.py");
        return fs;
    }

    @Test
    void readsBackIntoTheSameTree() {
        VirtualFileSystem original = sampleTree();

        VirtualFileSystem copy = new VirtualFileSystem();
        InterimTarImage.extract(InterimTarImage.create(original), copy);

        assertEquals(original.files().keySet(), copy.files().keySet());
        original.files().forEach((path, file) -> assertArrayEquals(file.content(), copy.readFile(path), path));
        assertTrue(copy.lookup("empty/dir") instanceof DirNode);
        assertEquals("main.py", ((SymlinkNode) copy.lookup("link")).target());
    }

    @Test
    void givesTheSameBytesForTheSameTree() {
        assertArrayEquals(InterimTarImage.create(sampleTree()), InterimTarImage.create(sampleTree()));
    }

    @Test
    void isAnArchiveGnuTarExtracts() throws Exception {
        Path archive = temp.resolve("image.tar");
        Files.write(archive, InterimTarImage.create(sampleTree()));
        Path out = Files.createDirectory(temp.resolve("out"));

        Process tar = new ProcessBuilder("tar", "-xf", archive.toString(), "-C", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(tar.getInputStream().readAllBytes(), UTF_8);
        assertTrue(tar.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, tar.exitValue(), log);

        VirtualFileSystem original = sampleTree();
        original.files().forEach((path, file) -> {
            try {
                assertArrayEquals(file.content(), Files.readAllBytes(out.resolve(path)), path);
            } catch (java.io.IOException e) {
                throw new AssertionError(path, e);
            }
        });
        assertTrue(Files.isDirectory(out.resolve("empty/dir")));
        assertEquals(Path.of("main.py"), Files.readSymbolicLink(out.resolve("link")));
    }

    @Test
    void refusesPathsUstarCannotHold() {
        for (String path : List.of("x".repeat(101), "a".repeat(80) + "/" + "b".repeat(80) + "/" + "c".repeat(80))) {
            VirtualFileSystem fs = new VirtualFileSystem();
            fs.writeFile(path, new byte[0]);

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> InterimTarImage.create(fs));
            assertTrue(error.getMessage().startsWith("path too long for a ustar archive"), error.getMessage());
        }
    }

    @Test
    void rejectsACorruptArchive() {
        byte[] tar = InterimTarImage.create(sampleTree());
        tar[10] ^= 1;

        assertThrows(IllegalArgumentException.class, () -> InterimTarImage.extract(tar, new VirtualFileSystem()));
    }
}
