package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSpecTest {

    @Test
    void rejectsEnvironmentNamesWithEqualsOrEmpty() {
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().env("A=B", "c"));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().env("", "c"));
    }

    @Test
    void rejectsNulCharacters() {
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().argv(List.of("a\0b")));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().env("A", "b\0"));
    }

    @Test
    void rejectsFilePathsThatEscapeOrNameNothing() {
        IllegalArgumentException escape = assertThrows(IllegalArgumentException.class,
                () -> RunSpec.builder().file("/../etc/passwd", new byte[0]));
        assertEquals("'..' in file path: \"/../etc/passwd\"", escape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().file("/./", new byte[0]));
    }

    @Test
    void copiesInputsSoLaterChangesDoNotLeakIn() {
        byte[] content = {1, 2, 3};
        RunSpec spec = RunSpec.builder().file("a/b.txt", content).stdin(content).build();
        content[0] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, spec.newRunFileSystem().readFile("/a/b.txt"));
        assertArrayEquals(new byte[] {1, 2, 3}, spec.stdin());
    }

    @Test
    void preopensDefaultToTheRootAndMayNameAnyDirectoryButNoParent() {
        assertEquals(List.of("/"), RunSpec.builder().build().preopens());
        assertEquals(List.of("/data", "/"), RunSpec.builder().preopen("/data").preopen("/").build().preopens());
        // like wasmtime's --dir HOST::GUEST, the guest name may be relative ("." or "data")
        assertEquals(List.of(".", "data"), RunSpec.builder().preopen(".").preopen("data").build().preopens());
        for (String bad : List.of("/a/../b", "..", "")) {
            assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().preopen(bad), bad);
        }
    }

    @Test
    void theImageIsExtractedBeforeTheFilesAndPreopensAreCreated() {
        VirtualFileSystem tree = new VirtualFileSystem();
        tree.writeFile("a.txt", new byte[] {1});
        tree.writeFile("b.txt", new byte[] {2});
        RunSpec spec = RunSpec.builder()
                .image(TarImage.create(tree))
                .file("b.txt", new byte[] {3})
                .preopen("/out")
                .build();

        VirtualFileSystem fs = spec.newRunFileSystem();
        assertArrayEquals(new byte[] {1}, fs.readFile("a.txt"));
        assertArrayEquals(new byte[] {3}, fs.readFile("b.txt"));
        assertEquals(DirNode.class, fs.lookup("out").getClass());
    }

    @Test
    void aBadImageIsRefusedRightAwayAndAPreopenMustBeADirectory() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RunSpec.builder().image(new byte[100]));
        assertEquals("tar image is truncated: no end-of-archive block after offset 0", bad.getMessage());
        RunSpec fileAsPreopen = RunSpec.builder().file("/data", new byte[0]).preopen("/data").build();
        assertThrows(IllegalArgumentException.class, fileAsPreopen::newRunFileSystem);
    }
}
