package dev.wasiplay.polyfill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathCallsTest {
    private static final int ROOT = Guest.ROOT_FD;

    private static int mkdir(Guest g, String path) {
        return g.wasi.path_create_directory(ROOT, g.str(path), Guest.len(path));
    }

    @Test
    void createOpenExclusiveAndTruncate() {
        Guest g = new Guest();
        g.fs.writeFile("a.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(Errno.EXIST, g.openErrno("a.txt", Flags.O_CREAT | Flags.O_EXCL, Rights.ALL));
        assertEquals(Errno.NOENT, g.openErrno("missing", 0, Rights.ALL));
        g.open("a.txt", Flags.O_TRUNC, Rights.ALL, 0);
        assertArrayEquals(new byte[0], g.fs.readFile("a.txt"));
        assertEquals(Errno.NOTDIR, g.openErrno("a.txt", Flags.O_DIRECTORY, Rights.ALL));
    }

    @Test
    void cannotEscapeThePreopenAndEscapesArePermLikeWasmtime() {
        Guest g = new Guest();
        assertEquals(Errno.SUCCESS, mkdir(g, "sub"));
        assertEquals(Errno.PERM, g.openErrno("../etc/passwd", 0, Rights.ALL));
        assertEquals(Errno.PERM, g.openErrno("sub/../../x", 0, Rights.ALL));
        assertEquals(Errno.PERM, g.openErrno("/etc/passwd", 0, Rights.ALL));
        g.fs.symlink("sub/out", "../../secret");
        assertEquals(Errno.PERM, g.openErrno("sub/out", 0, Rights.ALL));
        g.fs.symlink("abs", "/etc");
        assertEquals(Errno.PERM, g.openErrno("abs", 0, Rights.ALL));
        assertEquals(Errno.SUCCESS, g.openErrno("sub/../sub/.", Flags.O_DIRECTORY, Rights.FD_READDIR));
    }

    @Test
    void symlinksResolveAndLoopsAreELoop() {
        Guest g = new Guest();
        g.fs.writeFile("dir/target.txt", "T".getBytes(StandardCharsets.UTF_8));
        g.fs.symlink("link", "dir/target.txt");
        g.fs.symlink("dirlink", "dir");
        assertEquals("T", g.read(g.open("link", 0, Rights.ALL, 0), 10));
        assertEquals("T", g.read(g.open("dirlink/target.txt", 0, Rights.ALL, 0), 10));
        g.fs.symlink("loop1", "loop2");
        g.fs.symlink("loop2", "loop1");
        assertEquals(Errno.LOOP, g.openErrno("loop1", 0, Rights.ALL));
        int buf = g.alloc(64);
        int used = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.wasi.path_readlink(ROOT, g.str("link"), 4, buf, 64, used));
        assertEquals("dir/target.txt", g.string(buf, g.i32(used)));
        // not following the final symlink (O_NOFOLLOW) gives LOOP
        assertEquals(Errno.LOOP, g.wasi.path_open(ROOT, 0, g.str("link"), 4, 0, Rights.ALL, Rights.ALL, 0, g.alloc(4)));
    }

    @Test
    void renameMovesAndReplaces() {
        Guest g = new Guest();
        g.fs.writeFile("a", "A".getBytes(StandardCharsets.UTF_8));
        g.fs.writeFile("b", "B".getBytes(StandardCharsets.UTF_8));
        mkdir(g, "d");
        assertEquals(Errno.SUCCESS, g.wasi.path_rename(ROOT, g.str("a"), 1, ROOT, g.str("b"), 1));
        assertNull(g.fs.readFile("a"));
        assertEquals("A", new String(g.fs.readFile("b"), StandardCharsets.UTF_8));
        assertEquals(Errno.SUCCESS, g.wasi.path_rename(ROOT, g.str("b"), 1, ROOT, g.str("d/c"), 3));
        assertEquals("A", new String(g.fs.readFile("d/c"), StandardCharsets.UTF_8));
        // onto its own parent: Linux finds the target is an ancestor of the source first (ENOTEMPTY)
        assertEquals(Errno.NOTEMPTY, g.wasi.path_rename(ROOT, g.str("d/c"), 3, ROOT, g.str("d"), 1));
        mkdir(g, "empty");
        assertEquals(Errno.ISDIR, g.wasi.path_rename(ROOT, g.str("d/c"), 3, ROOT, g.str("empty"), 5));
        assertEquals(Errno.INVAL, g.wasi.path_rename(ROOT, g.str("d"), 1, ROOT, g.str("d/inner"), 7));
        mkdir(g, "e");
        assertEquals(Errno.NOTEMPTY, g.wasi.path_rename(ROOT, g.str("e"), 1, ROOT, g.str("d"), 1));
        assertEquals(Errno.SUCCESS, g.wasi.path_rename(ROOT, g.str("d"), 1, ROOT, g.str("e"), 1));
        assertEquals("A", new String(g.fs.readFile("e/c"), StandardCharsets.UTF_8));
    }

    @Test
    void unlinkAndRmdirRules() {
        Guest g = new Guest();
        g.fs.writeFile("d/f", new byte[1]);
        assertEquals(Errno.NOTEMPTY, g.wasi.path_remove_directory(ROOT, g.str("d"), 1));
        assertEquals(Errno.ISDIR, g.wasi.path_unlink_file(ROOT, g.str("d"), 1));
        assertEquals(Errno.SUCCESS, g.wasi.path_unlink_file(ROOT, g.str("d/f"), 3));
        assertEquals(Errno.NOENT, g.wasi.path_unlink_file(ROOT, g.str("d/f"), 3));
        assertEquals(Errno.SUCCESS, g.wasi.path_remove_directory(ROOT, g.str("d"), 1));
        assertEquals(Errno.EXIST, mkdir(g, "."));
    }

    @Test
    void hardLinksShareTheInode() {
        Guest g = new Guest();
        g.fs.writeFile("a", "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(Errno.SUCCESS, g.wasi.path_link(ROOT, 0, g.str("a"), 1, ROOT, g.str("b"), 1));
        int stat = g.alloc(64);
        assertEquals(Errno.SUCCESS, g.wasi.path_filestat_get(ROOT, 0, g.str("b"), 1, stat));
        assertEquals(2, g.i64(stat + 24));
        assertEquals(1, g.i64(stat + 32));
        assertEquals(Flags.FILETYPE_REGULAR_FILE, g.memory.getByte(stat + 16));
        g.write(g.open("b", 0, Rights.ALL, Flags.FDFLAG_APPEND), "y");
        assertEquals("xy", new String(g.fs.readFile("a"), StandardCharsets.UTF_8));
    }

    @Test
    void readdirListsDotEntriesThenInsertionOrderAndResumesByCookie() {
        Guest g = new Guest();
        g.fs.writeFile("d/one", new byte[0]);
        g.fs.writeFile("d/two", new byte[0]);
        g.fs.mkdirs("d/three");
        int fd = g.open("d", Flags.O_DIRECTORY, Rights.FD_READDIR, 0);
        assertEquals(List.of(".", "..", "one", "two", "three"), names(g, fd, 0, 4096));
        // a small buffer cuts the listing; resuming from the last whole entry's cookie continues it
        List<String> all = new ArrayList<>();
        long cookie = 0;
        while (true) {
            int buf = g.alloc(40);
            int used = g.alloc(4);
            assertEquals(Errno.SUCCESS, g.wasi.fd_readdir(fd, buf, 40, cookie, used));
            int n = g.i32(used);
            if (n == 0) {
                break;
            }
            int at = 0;
            boolean progressed = false;
            while (at + 24 <= n) {
                int nameLen = g.i32(buf + at + 16);
                if (at + 24 + nameLen > n) {
                    break;
                }
                all.add(g.string(buf + at + 24, nameLen));
                cookie = g.i64(buf + at);
                at += 24 + nameLen;
                progressed = true;
            }
            assertEquals(true, progressed);
            if (n < 40) {
                break;
            }
        }
        assertEquals(List.of(".", "..", "one", "two", "three"), all);
    }

    static List<String> names(Guest g, int fd, long cookie, int size) {
        int buf = g.alloc(size);
        int used = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.wasi.fd_readdir(fd, buf, size, cookie, used));
        List<String> out = new ArrayList<>();
        int n = g.i32(used);
        for (int at = 0; at + 24 <= n; ) {
            int nameLen = g.i32(buf + at + 16);
            out.add(g.string(buf + at + 24, nameLen));
            at += 24 + nameLen;
        }
        return out;
    }
}
