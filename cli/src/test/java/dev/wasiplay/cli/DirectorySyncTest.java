package dev.wasiplay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.SymlinkNode;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a host directory into a tree and writing the tree's changes back, without a guest in between. */
class DirectorySyncTest {
    @TempDir
    Path cwd;

    private DirMapping mapping(String value) throws UsageException {
        return DirMapping.parse(value, cwd);
    }

    @Test
    void loadsFilesDirectoriesAndLinksWhereTheGuestPathSays() throws Exception {
        Path host = Files.createDirectories(cwd.resolve("host"));
        Files.createDirectories(host.resolve("sub/deeper"));
        Files.write(host.resolve("sub/bytes.bin"), new byte[] {0, 1, 2, (byte) 255});
        Files.createSymbolicLink(host.resolve("link"), Path.of("sub/bytes.bin"));
        VirtualFileSystem tree = new VirtualFileSystem();
        List<String> warnings = new ArrayList<>();

        DirectorySync.load(mapping("host::/mnt/data"), tree, warnings::add);

        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, tree.readFile("mnt/data/sub/bytes.bin"));
        assertTrue(tree.lookup("mnt/data/sub/deeper") instanceof DirNode);
        assertEquals("sub/bytes.bin", ((SymlinkNode) tree.lookup("mnt/data/link")).target());
        assertEquals(Files.getLastModifiedTime(host.resolve("sub/bytes.bin")).toMillis(),
                tree.lookup("mnt/data/sub/bytes.bin").mtim / 1_000_000);
        assertEquals(List.of(), warnings);
    }

    @Test
    void writesBackKindChangesAndLinksWithoutFollowingHostLinks() throws Exception {
        Path host = Files.createDirectories(cwd.resolve("host"));
        Path outside = Files.createDirectories(cwd.resolve("outside"));
        Files.writeString(host.resolve("was-file"), "file\n");
        Files.createDirectories(host.resolve("was-dir"));
        Files.createSymbolicLink(host.resolve("escape"), outside); // a host link the guest replaces by a directory
        Files.createSymbolicLink(host.resolve("retarget"), Path.of("a"));
        VirtualFileSystem tree = new VirtualFileSystem();
        DirectorySync sync = DirectorySync.load(mapping("host::/"), tree, w -> { });

        // What a guest could have done:
        tree.root().unlink("was-file");
        tree.mkdirs("was-file");
        tree.root().unlink("was-dir");
        tree.writeFile("was-dir", "now a file\n".getBytes());
        tree.root().unlink("escape");
        tree.writeFile("escape/inside.txt", "stays inside\n".getBytes());
        tree.root().unlink("retarget");
        tree.symlink("retarget", "b");

        int changes = sync.writeBack(tree);

        assertTrue(Files.isDirectory(host.resolve("was-file"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("now a file\n", Files.readString(host.resolve("was-dir")));
        assertTrue(Files.isDirectory(host.resolve("escape"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("stays inside\n", Files.readString(host.resolve("escape/inside.txt")));
        assertFalse(Files.exists(outside.resolve("inside.txt")), "wrote through a host symlink");
        assertEquals(Path.of("b"), Files.readSymbolicLink(host.resolve("retarget")));
        // Deleted: was-file, was-dir, escape (the link); created: was-file/, was-dir, escape/, escape/inside.txt,
        // retarget (a link whose target changed is replaced in one step).
        assertEquals(3 + 5, changes);
        assertEquals(0, sync.writeBack(tree), "a second write-back has nothing left to do");
    }
}
