package dev.wasiplay.polyfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calls a guest makes most (fd_write, fd_read, fd_seek, path_open + fd_close, clock_time_get) allocate
 * nothing per call: in the browser every allocation is a JavaScript object. Measured with the JVM's
 * per-thread allocation counter around 10,000 calls after a warm-up; the polyfill's tests run with escape
 * analysis off (see pom.xml), so the JIT cannot hide an allocation the code makes.
 */
class HotPathAllocationTest {
    private static final int CALLS = 10_000;
    private static com.sun.management.ThreadMXBean threads;

    private final VirtualFileSystem fs = new VirtualFileSystem();
    private final ByteArrayMemory memory = new ByteArrayMemory(65536);
    private final WasiPreview1 wasi;

    HotPathAllocationTest() {
        fs.writeFile("data/input.txt", "0123456789abcdef".repeat(64).getBytes(StandardCharsets.UTF_8));
        wasi = new WasiPreview1(WasiOptions.builder()
                .stdout((bytes, offset, length) -> { })
                .preopen("/", fs.root())
                .build());
        wasi.attach(memory);
    }

    @BeforeAll
    static void counter() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot count allocated bytes per thread");
    }

    /** Runs {@code call} (which must succeed) CALLS times after a warm-up; returns bytes allocated per call. */
    private static double bytesPerCall(IntSupplier call) {
        for (int i = 0; i < 3 * CALLS; i++) {
            assertEquals(Errno.SUCCESS, call.getAsInt());
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        int failures = 0;
        for (int i = 0; i < CALLS; i++) {
            failures += call.getAsInt() == Errno.SUCCESS ? 0 : 1;
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals(0, failures);
        return (double) allocated / CALLS;
    }

    private void assertAllocationFree(String what, IntSupplier call) {
        double perCall = bytesPerCall(call);
        System.out.printf("%s: %.3f bytes allocated per call%n", what, perCall);
        assertTrue(perCall < 1.0, what + " allocates " + perCall + " bytes per call");
    }

    private int putString(int address, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        memory.write(address, b, 0, b.length);
        return b.length;
    }

    private int openFd(String path, int oflags, long rights) {
        int len = putString(2048, path);
        int err = wasi.path_open(3, Flags.LOOKUP_SYMLINK_FOLLOW, 2048, len, oflags, rights, 0, 0, 512);
        assertEquals(Errno.SUCCESS, err);
        return memory.getInt(512);
    }

    @Test
    void fdWriteToAFileAndToStdout() {
        int fd = openFd("data/output.txt", Flags.O_CREAT, Rights.FD_READ | Rights.FD_WRITE);
        memory.putInt(256, 1024);
        memory.putInt(260, 100);
        assertAllocationFree("fd_write + fd_seek on a file", () -> {
            int err = wasi.fd_write(fd, 256, 1, 300);
            return err != Errno.SUCCESS ? err : wasi.fd_seek(fd, 0, Flags.WHENCE_SET, 304);
        });
        assertAllocationFree("fd_write to stdout", () -> wasi.fd_write(1, 256, 1, 300));
    }

    @Test
    void fdReadAndSeek() {
        int fd = openFd("data/input.txt", 0, Rights.FD_READ);
        memory.putInt(256, 4096);
        memory.putInt(260, 512);
        assertAllocationFree("fd_read + fd_seek", () -> {
            int err = wasi.fd_read(fd, 256, 1, 300);
            return err != Errno.SUCCESS ? err : wasi.fd_seek(fd, -300, Flags.WHENCE_CUR, 304);
        });
    }

    @Test
    void pathOpenAndClose() {
        int len = putString(2048, "data/./input.txt");
        assertAllocationFree("path_open + fd_close", () -> {
            int err = wasi.path_open(3, Flags.LOOKUP_SYMLINK_FOLLOW, 2048, len, 0, Rights.FD_READ, 0, 0, 512);
            return err != Errno.SUCCESS ? err : wasi.fd_close(memory.getInt(512));
        });
    }

    @Test
    void clockTimeGet() {
        assertAllocationFree("clock_time_get", () -> wasi.clock_time_get(Flags.CLOCK_MONOTONIC, 1000, 304));
        assertAllocationFree("clock_time_get realtime", () -> wasi.clock_time_get(Flags.CLOCK_REALTIME, 1000, 304));
    }
}
