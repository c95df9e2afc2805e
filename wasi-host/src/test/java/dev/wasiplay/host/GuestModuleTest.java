package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.polyfill.WasiFunction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GuestModuleTest {

    private static final String MINIMAL = """
            (module (memory (export "memory") 1) (func (export "_start")))
            """;

    private static String rejection(byte[] wasm) {
        String message = assertThrows(InvalidModuleException.class, () -> GuestModule.load(wasm)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    private static String rejection(String wat) {
        return rejection(TestGuests.wasmFromWat(wat));
    }

    @Test
    void loadsAMinimalCommand() {
        GuestModule module = GuestModule.load(TestGuests.wasmFromWat(MINIMAL));

        assertTrue(module.imports().isEmpty());
    }

    @Test
    void recordsTheWasiImportsInOrder() {
        GuestModule module = TestGuests.wat("""
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
                  (import "wasi_snapshot_preview1" "fd_seek" (func (param i32 i64 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (func (export "_start")))
                """);

        assertEquals(Arrays.asList(WasiFunction.PROC_EXIT, WasiFunction.FD_SEEK), module.imports());
    }

    @Test
    void rejectsBadMagic() {
        assertEquals("not a wasm module: bad magic bytes (expected \\0asm)",
                rejection("#!/bin/sh\necho hi\n".getBytes()));
    }

    @Test
    void rejectsTooShortInput() {
        assertEquals("not a wasm module: 3 bytes, shorter than the 8-byte header", rejection(new byte[] {0, 'a', 's'}));
    }

    @Test
    void rejectsOtherBinaryVersions() {
        assertEquals("unsupported wasm binary version 13 (expected 1)",
                rejection(new byte[] {0, 'a', 's', 'm', 13, 0, 0, 0}));
    }

    @Test
    void rejectsATruncatedBinary() {
        byte[] wasm = TestGuests.wasmFromWat(MINIMAL);
        String message = rejection(Arrays.copyOf(wasm, wasm.length - 3));

        assertEquals("invalid wasm module: truncated binary (section 10 runs past the end of the file)", message);
    }

    @Test
    void rejectsAModuleThatFailsValidation() {
        // Hand-assembled: _start is () -> nil but its body leaves an i32 on the stack.
        byte[] wasm = {
            0, 'a', 's', 'm', 1, 0, 0, 0,
            1, 4, 1, 0x60, 0, 0,                          // type section: () -> ()
            3, 2, 1, 0,                                   // function section: func 0 has type 0
            5, 3, 1, 0, 1,                                // memory section: min 1 page
            7, 19, 2,                                     // export section, 2 exports
            6, '_', 's', 't', 'a', 'r', 't', 0, 0,        //   "_start" func 0
            6, 'm', 'e', 'm', 'o', 'r', 'y', 2, 0,        //   "memory" memory 0
            10, 6, 1, 4, 0, 0x41, 7, 0x0B                 // code: i32.const 7; end
        };

        String message = rejection(wasm);

        assertTrue(message.startsWith("invalid wasm module: "), message);
        assertTrue(message.contains("type mismatch"), message);
    }

    @Test
    void rejectsAModuleWithoutStart() {
        assertEquals("no exported function _start: not a WASI command module",
                rejection("(module (memory (export \"memory\") 1) (func (export \"main\")))"));
    }

    @Test
    void rejectsAStartWithParameters() {
        assertEquals("exported _start has type (i32) -> (), expected () -> ()",
                rejection("(module (memory (export \"memory\") 1) (func (export \"_start\") (param i32)))"));
    }

    @Test
    void rejectsAModuleWithoutMemoryExport() {
        assertEquals("no exported memory named \"memory\": WASI needs it to pass data",
                rejection("(module (memory 1) (func (export \"_start\")))"));
    }

    @Test
    void rejectsImportsFromOtherModules() {
        assertEquals("import env.print: only wasi_snapshot_preview1 can be imported", rejection("""
                (module
                  (import "env" "print" (func (param i32)))
                  (memory (export "memory") 1)
                  (func (export "_start")))
                """));
    }

    @Test
    void rejectsUnknownWasiFunctions() {
        assertEquals("import wasi_snapshot_preview1.fd_frobnicate: no such WASI preview1 function", rejection("""
                (module
                  (import "wasi_snapshot_preview1" "fd_frobnicate" (func (param i32) (result i32)))
                  (memory (export "memory") 1)
                  (func (export "_start")))
                """));
    }

    @Test
    void rejectsWasiFunctionsWithTheWrongSignature() {
        assertEquals("import wasi_snapshot_preview1.fd_write has type (i32, i32) -> i32, expected (i32, i32, i32, i32) -> i32",
                rejection("""
                        (module
                          (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32) (result i32)))
                          (memory (export "memory") 1)
                          (func (export "_start")))
                        """));
    }

    @Test
    void rejectsImportedMemory() {
        assertEquals("import wasi_snapshot_preview1.memory is a memory; only functions can be imported",
                rejection("""
                        (module
                          (import "wasi_snapshot_preview1" "memory" (memory 1))
                          (export "memory" (memory 0))
                          (func (export "_start")))
                        """));
    }

    @Test
    void pythonIsParsedOnceAndShared() {
        GuestModule first = GuestModule.python();

        assertSame(first, GuestModule.python());
        assertTrue(first.imports().contains(WasiFunction.FD_WRITE));
    }
}
