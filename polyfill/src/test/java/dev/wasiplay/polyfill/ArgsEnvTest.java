package dev.wasiplay.polyfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsEnvTest {
    @Test
    void argsAreNulTerminatedUtf8WithPointers() {
        Guest g = new Guest(WasiOptions.builder().args(List.of("python", "-c", "héllo")));
        int count = g.alloc(4);
        int size = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.wasi.args_sizes_get(count, size));
        assertEquals(3, g.i32(count));
        assertEquals("python".length() + 1 + 3 + "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1,
                g.i32(size));
        int argv = g.alloc(12);
        int buf = g.alloc(g.i32(size));
        assertEquals(Errno.SUCCESS, g.wasi.args_get(argv, buf));
        assertEquals(buf, g.i32(argv));
        assertEquals("python\0-c\0héllo\0", g.string(buf, g.i32(size)));
        assertEquals(buf + 7, g.i32(argv + 4));
    }

    @Test
    void environKeepsOrder() {
        Guest g = new Guest(WasiOptions.builder().env("B", "2").env("A", "1"));
        int count = g.alloc(4);
        int size = g.alloc(4);
        g.wasi.environ_sizes_get(count, size);
        assertEquals(2, g.i32(count));
        int ptrs = g.alloc(8);
        int buf = g.alloc(g.i32(size));
        assertEquals(Errno.SUCCESS, g.wasi.environ_get(ptrs, buf));
        assertEquals("B=2\0A=1\0", g.string(buf, 8));
    }

    @Test
    void badOrMisalignedPointerTrapsAndWritesNothing() {
        Guest g = new Guest(WasiOptions.builder().arg("x"));
        WasiTrap outside = assertThrows(WasiTrap.class, () -> g.wasi.args_sizes_get(65532, 65536));
        assertEquals("args_sizes_get: pointer 0x10000 (+4 bytes) is outside guest memory (65536 bytes)",
                outside.getMessage());
        assertEquals(0, g.i32(65532), "the first result was not written either");
        WasiTrap misaligned = assertThrows(WasiTrap.class, () -> g.wasi.args_sizes_get(1026, 1032));
        assertEquals("args_sizes_get: pointer 0x402 is not aligned to 4 bytes", misaligned.getMessage());
        assertThrows(WasiTrap.class, () -> g.wasi.args_get(-8, 0));
        assertThrows(WasiTrap.class, () -> g.wasi.args_get(1024, 65535));
        assertEquals(0, g.i32(1024));
    }
}
