package dev.wasiplay.polyfill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicModeTest {
    private static final long START = DeterministicClock.START_REALTIME_NANOS;
    private static final long STEP = DeterministicClock.STEP_NANOS;

    @Test
    void splitMix64MatchesTheReferenceOutputs() {
        // The published SplitMix64 outputs for seed 0 (Steele, Lea, Flood; Vigna's splitmix64.c).
        SplitMix64 random = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, random.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, random.nextLong());
        assertEquals(0x06C45D188009454FL, random.nextLong());
    }

    @Test
    void byteStreamIsTheOutputsLittleEndianWhateverTheChunking() {
        byte[] whole = new byte[50];
        new SplitMix64(42).nextBytes(whole, 0, whole.length);
        assertEquals((byte) 0x95, whole[0]);   // first output 0xBDD732262FEB6E95, low byte first
        assertEquals((byte) 0xBD, whole[7]);
        assertEquals((byte) 0x03, whole[8]);   // second output 0x28EFE333B266F103

        SplitMix64 chunked = new SplitMix64(42);
        byte[] pieces = new byte[50];
        int[] sizes = {1, 3, 0, 9, 16, 2, 19};
        int at = 0;
        for (int size : sizes) {
            chunked.nextBytes(pieces, at, size);
            at += size;
        }
        assertEquals(50, at);
        assertArrayEquals(whole, pieces);

        byte[] other = new byte[50];
        new SplitMix64(43).nextBytes(other, 0, other.length);
        assertTrue(!java.util.Arrays.equals(whole, other));
    }

    @Test
    void clockStartsAtTheFixedInstantAndEveryReadingStepsOn() {
        DeterministicClock clock = new DeterministicClock();
        assertEquals(START, clock.realtimeNanos());
        assertEquals(STEP, clock.monotonicNanos());
        assertEquals(START + 2 * STEP, clock.realtimeNanos());
        clock.sleepNanos(5_000_000_000L);
        assertEquals(3 * STEP + 5_000_000_000L, clock.monotonicNanos());
        clock.sleepNanos(Long.MAX_VALUE);
        assertEquals(DeterministicClock.MAX_ELAPSED_NANOS, clock.monotonicNanos());
        assertEquals(DeterministicClock.MAX_ELAPSED_NANOS, clock.monotonicNanos());
        assertTrue(clock.realtimeNanos() > START);
    }

    @Test
    void guestSeesVirtualTimeAndSleepsWithoutWaiting() {
        VirtualFileSystem fs = new VirtualFileSystem();
        DeterministicClock clock = DeterministicMode.prepare(fs);
        Guest g = new Guest(fs, WasiOptions.builder().clock(clock).random(DeterministicMode.random(7)));
        int out = g.alloc(8);
        assertEquals(Errno.SUCCESS, g.wasi.clock_time_get(Flags.CLOCK_REALTIME, 1, out));
        long first = g.i64(out);
        assertEquals(START + STEP, first);   // reading 0 was the instance's monotonic origin
        assertEquals(Errno.SUCCESS, g.wasi.clock_time_get(Flags.CLOCK_MONOTONIC, 1, out));
        assertEquals(2 * STEP, g.i64(out));

        int sub = g.alloc(48);
        g.memory.putByte(sub + 8, (byte) Flags.EVENT_CLOCK);
        g.memory.putInt(sub + 16, Flags.CLOCK_MONOTONIC);
        g.memory.putLong(sub + 24, 3_600_000_000_000L);   // an hour
        long realStart = System.nanoTime();
        assertEquals(Errno.SUCCESS, g.wasi.poll_oneoff(sub, g.alloc(32), 1, g.alloc(4)));
        assertTrue(System.nanoTime() - realStart < 1_000_000_000L, "a virtual sleep takes no real time");
        assertEquals(Errno.SUCCESS, g.wasi.clock_time_get(Flags.CLOCK_MONOTONIC, 1, out));
        assertTrue(g.i64(out) >= 3_600_000_000_000L + 2 * STEP);
        assertTrue(g.i64(out) < 3_600_000_000_000L + 10 * STEP);
    }

    @Test
    void twoGuestsWithTheSameSeedSeeTheSameEverything() {
        assertEquals(transcript(42), transcript(42));
        assertNotEquals(transcript(42), transcript(43));
    }

    /** What a small guest observes: times, random bytes, and a file it creates (inode, times). */
    private static List<Long> transcript(long seed) {
        VirtualFileSystem fs = new VirtualFileSystem();
        fs.writeFile("/in.txt", "x".getBytes(StandardCharsets.UTF_8));
        DeterministicClock clock = DeterministicMode.prepare(fs);
        Guest g = new Guest(fs, WasiOptions.builder().clock(clock).random(DeterministicMode.random(seed)));
        List<Long> seen = new ArrayList<>();
        int out = g.alloc(8);
        g.wasi.clock_time_get(Flags.CLOCK_REALTIME, 1, out);
        seen.add(g.i64(out));
        int buf = g.alloc(16);
        g.wasi.random_get(buf, 16);
        seen.add(g.i64(buf));
        seen.add(g.i64(buf + 8));
        int fd = g.open("new.txt", Flags.O_CREAT, Rights.ALL, 0);
        g.write(fd, "hello");
        int stat = g.alloc(64);
        g.wasi.fd_filestat_get(fd, stat);
        for (int field = 8; field < 64; field += 8) {
            seen.add(g.i64(stat + field));
        }
        return seen;
    }

    @Test
    void settledTreesAreIdenticalHoweverTheyWereBuilt() {
        VirtualFileSystem byFiles = new VirtualFileSystem();
        byFiles.writeFile("/zeta/b.txt", bytes("b"));
        byFiles.writeFile("/main.py", bytes("print(1)"));
        byFiles.writeFile("/alpha.txt", bytes("a"));
        byFiles.writeFile("/zeta/a.txt", bytes("a"));
        byFiles.link("/hard", "/alpha.txt");

        VirtualFileSystem fromImage = new VirtualFileSystem(new DeterministicClock(), 1, VirtualFileSystem.MAX_FILE_SIZE);
        TarImage.extract(TarImage.create(byFiles), fromImage);

        DeterministicMode.prepare(byFiles);
        DeterministicMode.prepare(fromImage);
        assertEquals(describe(byFiles.root(), "/"), describe(fromImage.root(), "/"));
        assertEquals("/ ino=1 t=" + START + " [alpha.txt@3, hard@4, main.py@5, zeta@6]\n"
                + "/alpha.txt ino=2 t=" + START + "\n"
                + "/hard ino=2 t=" + START + "\n"
                + "/main.py ino=3 t=" + START + "\n"
                + "/zeta ino=4 t=" + START + " [a.txt@3, b.txt@4]\n"
                + "/zeta/a.txt ino=5 t=" + START + "\n"
                + "/zeta/b.txt ino=6 t=" + START + "\n", describe(byFiles.root(), "/"));

        Node created = byFiles.writeFile("/later.txt", bytes("new"));
        assertEquals(7, created.ino());
        assertTrue(created.mtim >= START && created.mtim < START + 10 * STEP, "times from the run's virtual clock");
        Node second = byFiles.writeFile("/later2.txt", bytes("new"));
        assertTrue(second.mtim > created.mtim);
    }

    private static String describe(Node node, String path) {
        StringBuilder out = new StringBuilder(path + " ino=" + node.ino() + " t=" + node.mtim);
        if (node.atim != node.mtim || node.ctim != node.mtim) {
            out.append(" atim=").append(node.atim).append(" ctim=").append(node.ctim);
        }
        if (node instanceof DirNode) {
            List<String> names = new ArrayList<>();
            for (DirNode.Entry e : ((DirNode) node).entries()) {
                names.add(e.name() + "@" + e.cookie());
            }
            out.append(' ').append(names);
        }
        out.append('\n');
        if (node instanceof DirNode) {
            for (DirNode.Entry e : ((DirNode) node).entries()) {
                out.append(describe(e.node, (path.equals("/") ? "/" : path + "/") + e.name()));
            }
        }
        return out.toString();
    }

    @Test
    void seedsOutsideTheRangeAreRefused() {
        assertEquals(DeterministicMode.MAX_SEED, DeterministicMode.checkSeed(DeterministicMode.MAX_SEED));
        assertThrows(IllegalArgumentException.class, () -> DeterministicMode.checkSeed(-1));
        assertThrows(IllegalArgumentException.class, () -> DeterministicMode.checkSeed(DeterministicMode.MAX_SEED + 1));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
