package dev.wasiplay.polyfill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FdCallsTest {
    @Test
    void writesUseOnlyTheFirstNonEmptyIovecLikeWasmtime() {
        Guest g = new Guest();
        byte[] a = "hello ".getBytes(StandardCharsets.UTF_8);
        byte[] b = "world\n".getBytes(StandardCharsets.UTF_8);
        int bufA = g.alloc(a.length);
        int bufB = g.alloc(b.length);
        g.memory.write(bufA, a, 0, a.length);
        g.memory.write(bufB, b, 0, b.length);
        int iovs = g.alloc(16);
        g.memory.putInt(iovs, bufA);
        g.memory.putInt(iovs + 4, a.length);
        g.memory.putInt(iovs + 8, bufB);
        g.memory.putInt(iovs + 12, b.length);
        int out = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.wasi.fd_write(1, iovs, 2, out));
        assertEquals(6, g.i32(out));
        assertEquals("hello ", g.stdout.toString(StandardCharsets.UTF_8));
        g.memory.putInt(iovs + 4, 0);
        assertEquals(Errno.SUCCESS, g.wasi.fd_write(1, iovs, 2, out));
        assertEquals(6, g.i32(out));
        assertEquals("hello world\n", g.stdout.toString(StandardCharsets.UTF_8));
        g.write(2, "oops");
        assertEquals("oops", g.stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void stdinReadsThenEof() {
        Guest g = new Guest(WasiOptions.builder().stdin(StdinSource.of("abc".getBytes(StandardCharsets.UTF_8))));
        assertEquals("abc", g.read(0, 10));
        assertEquals("", g.read(0, 10));
    }

    @Test
    void writeSeekReadOnAFile() {
        Guest g = new Guest();
        int fd = g.open("notes.txt", Flags.O_CREAT, Rights.ALL, 0);
        g.write(fd, "0123456789");
        int pos = g.alloc(8);
        assertEquals(Errno.SUCCESS, g.wasi.fd_seek(fd, 3, Flags.WHENCE_SET, pos));
        assertEquals(3, g.i64(pos));
        assertEquals("3456", g.read(fd, 4));
        assertEquals(Errno.SUCCESS, g.wasi.fd_tell(fd, pos));
        assertEquals(7, g.i64(pos));
        assertEquals(Errno.SUCCESS, g.wasi.fd_seek(fd, -2, Flags.WHENCE_END, pos));
        assertEquals(8, g.i64(pos));
        assertEquals(Errno.INVAL, g.wasi.fd_seek(fd, -100, Flags.WHENCE_CUR, pos));
        assertEquals(Errno.SUCCESS, g.wasi.fd_close(fd));
        assertEquals(Errno.BADF, g.wasi.fd_close(fd));
        assertArrayEquals("0123456789".getBytes(StandardCharsets.UTF_8), g.fs.readFile("notes.txt"));
    }

    @Test
    void writingPastTheEndZeroFills() {
        Guest g = new Guest();
        int fd = g.open("sparse", Flags.O_CREAT, Rights.ALL, 0);
        int out = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.wasi.fd_pwrite(fd, g.iovec(new byte[] {7}), 1, 4, out));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 7}, g.fs.readFile("sparse"));
        assertEquals(Errno.SUCCESS, g.wasi.fd_filestat_set_size(fd, 2));
        assertArrayEquals(new byte[] {0, 0}, g.fs.readFile("sparse"));
    }

    @Test
    void appendWritesAtTheEnd() {
        Guest g = new Guest();
        g.fs.writeFile("log", "ab".getBytes(StandardCharsets.UTF_8));
        int fd = g.open("log", 0, Rights.ALL, Flags.FDFLAG_APPEND);
        g.write(fd, "cd");
        assertEquals("abcd", new String(g.fs.readFile("log"), StandardCharsets.UTF_8));
    }

    @Test
    void stdioLooksLikeATerminalWithWasmtimesRights() {
        Guest g = new Guest();
        int stat = g.alloc(24);
        assertEquals(Errno.SUCCESS, g.wasi.fd_fdstat_get(1, stat));
        assertEquals(Flags.FILETYPE_CHARACTER_DEVICE, g.memory.getByte(stat));
        assertEquals(Rights.FD_WRITE, g.i64(stat + 8));
        assertEquals(Rights.FD_WRITE, g.i64(stat + 16));
        assertEquals(Errno.SUCCESS, g.wasi.fd_fdstat_get(0, stat));
        assertEquals(Rights.FD_READ, g.i64(stat + 8));
        assertEquals(Errno.SPIPE, g.wasi.fd_seek(1, 0, Flags.WHENCE_CUR, g.alloc(8)));
        Guest pipe = new Guest(WasiOptions.builder().stdioIsTerminal(false));
        assertEquals(Errno.SUCCESS, pipe.wasi.fd_fdstat_get(1, stat));
        assertEquals(Flags.FILETYPE_UNKNOWN, pipe.memory.getByte(stat));
    }

    @Test
    void rightsCanOnlyNarrow() {
        Guest g = new Guest();
        int fd = g.open("f", Flags.O_CREAT, Rights.ALL, 0);
        assertEquals(Errno.SUCCESS, g.wasi.fd_fdstat_set_rights(fd, Rights.FD_READ, 0));
        assertEquals(Errno.NOTCAPABLE, g.wasi.fd_fdstat_set_rights(fd, Rights.FD_READ | Rights.FD_WRITE, 0));
        assertEquals(Errno.NOTCAPABLE, g.wasi.fd_write(fd, g.iovec(new byte[] {1}), 1, g.alloc(4)));
        assertEquals(Errno.NOTCAPABLE, g.wasi.fd_seek(fd, 0, Flags.WHENCE_SET, g.alloc(8)));
        assertEquals(Errno.INVAL, g.wasi.fd_fdstat_set_rights(fd, 1L << 40, 0));
        assertEquals(Errno.OVERFLOW, g.wasi.fd_fdstat_set_rights(fd, -1L, 0));
    }

    @Test
    void preopenIsDescribed() {
        Guest g = new Guest();
        int prestat = g.alloc(8);
        assertEquals(Errno.SUCCESS, g.wasi.fd_prestat_get(3, prestat));
        assertEquals(1, g.i32(prestat + 4));
        int name = g.alloc(1);
        assertEquals(Errno.SUCCESS, g.wasi.fd_prestat_dir_name(3, name, 1));
        assertEquals("/", g.string(name, 1));
        assertEquals(Errno.BADF, g.wasi.fd_prestat_get(4, prestat));
    }

    @Test
    void tooManyOpenFilesIsEmfile() {
        Guest g = new Guest(WasiOptions.builder().maxOpenFiles(5));
        g.open("a", Flags.O_CREAT, Rights.ALL, 0);
        assertEquals(Errno.MFILE, g.openErrno("b", Flags.O_CREAT, Rights.ALL));
    }

    @Test
    void outOfBoundsIovecTrapsAndWritesNothing() {
        Guest g = new Guest();
        int iov = g.alloc(8);
        g.memory.putInt(iov, 65530);
        g.memory.putInt(iov + 4, 100);
        WasiTrap trap = assertThrows(WasiTrap.class, () -> g.wasi.fd_write(1, iov, 1, g.alloc(4)));
        assertEquals("fd_write: pointer 0xfffa (+100 bytes) is outside guest memory (65536 bytes)", trap.getMessage());
        g.memory.putInt(iov, 1024);
        g.memory.putInt(iov + 4, 4);
        assertThrows(WasiTrap.class, () -> g.wasi.fd_write(1, iov, 1, 65535));
        assertThrows(WasiTrap.class, () -> g.wasi.fd_write(1, iov + 2, 1, g.alloc(4)));
        assertEquals(0, g.stdout.size());
    }
}
