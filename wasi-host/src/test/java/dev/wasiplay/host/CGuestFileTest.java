package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The file system calls on Chicory, driven through wasi-libc by C guests built with clang at test time. */
class CGuestFileTest {

    /** Opens, seeks, reads, closes; then writes a new file into a new directory. */
    private static final String FILES_GUEST = """
            #include <errno.h>
            #include <fcntl.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/stat.h>
            #include <unistd.h>

            int main(int argc, char **argv) {
                char buf[64];
                int fd = open(argv[1], O_RDONLY);
                if (fd < 0) { perror("open"); return 10; }
                if (lseek(fd, 6, SEEK_SET) != 6) { perror("lseek set"); return 11; }
                ssize_t n = read(fd, buf, sizeof buf);
                printf("read %zd: %.*s|\\n", n, (int) n, buf);
                printf("size %lld\\n", (long long) lseek(fd, 0, SEEK_END));
                printf("at end %zd\\n", read(fd, buf, sizeof buf));
                if (lseek(fd, -5, SEEK_END) < 0) { perror("lseek end"); return 12; }
                n = read(fd, buf, 3);
                printf("tail %.*s\\n", (int) n, buf);
                if (close(fd) != 0) { perror("close"); return 13; }
                printf("read after close %zd %s\\n", read(fd, buf, 1), errno == EBADF ? "EBADF" : strerror(errno));
                printf("missing %d %s\\n", open("/nope.txt", O_RDONLY), errno == ENOENT ? "ENOENT" : strerror(errno));

                if (mkdir("/out", 0755) != 0) { perror("mkdir"); return 14; }
                FILE *out = fopen("/out/new.txt", "w");
                if (!out) { perror("fopen"); return 15; }
                fprintf(out, "written by %s\\n", argv[0]);
                if (fclose(out) != 0) { perror("fclose"); return 16; }
                return 0;
            }
            """;

    /** Lists a directory with readdir (fd_readdir), one "name type" line per entry. */
    private static final String LIST_GUEST = """
            #include <dirent.h>
            #include <stdio.h>

            int main(int argc, char **argv) {
                DIR *dir = opendir(argv[1]);
                if (!dir) { perror("opendir"); return 10; }
                struct dirent *entry;
                while ((entry = readdir(dir)) != NULL) {
                    printf("%s %s\\n", entry->d_name, entry->d_type == DT_DIR ? "dir" : entry->d_type == DT_REG ? "file" : "other");
                }
                closedir(dir);
                return 0;
            }
            """;

    private static GuestModule files;
    private static GuestModule list;

    @BeforeAll
    static void compileGuests() {
        files = TestGuests.c(FILES_GUEST);
        list = TestGuests.c(LIST_GUEST);
    }

    @Test
    void openSeekReadCloseAndCreate() {
        RunOutcome outcome = ChicoryHost.run(files, RunSpec.builder()
                .argv(List.of("files", "/data/hello.txt"))
                .file("/data/hello.txt", "hello wasi world".getBytes(StandardCharsets.UTF_8))
                .build());

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("""
                read 10: wasi world|
                size 16
                at end 0
                tail wor
                read after close -1 EBADF
                missing -1 ENOENT
                """, outcome.stdoutText());
        assertArrayEquals("written by files\n".getBytes(StandardCharsets.UTF_8),
                outcome.fileSystem().readFile("/out/new.txt"));
        assertEquals(List.of("data/hello.txt", "out/new.txt"), List.copyOf(outcome.fileSystem().files().keySet()));
    }

    @Test
    void readdirListsTheTree() {
        VirtualFileSystem tree = new VirtualFileSystem();
        tree.writeFile("/project/b.txt", new byte[3]);
        tree.writeFile("/project/a.txt", new byte[1]);
        tree.mkdirs("/project/sub");
        tree.writeFile("/project/sub/deeper.txt", new byte[0]);

        RunOutcome outcome = ChicoryHost.run(list, RunSpec.builder()
                .argv(List.of("list", "/project"))
                .fileSystem(tree)
                .build());

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        List<String> lines = outcome.stdoutText().lines().sorted().toList();
        assertEquals(List.of(". dir", ".. dir", "a.txt file", "b.txt file", "sub dir"), lines);
    }

    @Test
    void readdirOfALargeDirectoryNeedsSeveralCalls() {
        RunSpec.Builder spec = RunSpec.builder().argv(List.of("list", "/many"));
        for (int i = 0; i < 300; i++) {
            spec.file("/many/file-with-a-longish-name-" + i + ".txt", new byte[0]);
        }

        RunOutcome outcome = ChicoryHost.run(list, spec.build());

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        List<String> names = outcome.stdoutText().lines().filter(l -> l.startsWith("file-")).toList();
        assertEquals(300, names.size());
        assertEquals(300, names.stream().distinct().count());
    }
}
