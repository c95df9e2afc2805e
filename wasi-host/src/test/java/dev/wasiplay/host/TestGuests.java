package dev.wasiplay.host;

import com.dylibso.chicory.wabt.Wat2Wasm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds the small test guests: from WAT with Chicory's wat2wasm, or from C with clang and wasi-libc. */
final class TestGuests {
    private TestGuests() {}

    /** A WAT module, compiled and loaded with full validation. */
    static GuestModule wat(String source) {
        return GuestModule.load(wasmFromWat(source));
    }

    static byte[] wasmFromWat(String source) {
        return Wat2Wasm.parse(source);
    }

    /**
     * A C program compiled for wasm32-wasi with Debian's clang and wasi-libc. Fails (never skips)
     * when clang or the wasm sysroot is missing: these tests are the JVM's proof of the polyfill.
     */
    static GuestModule c(String source) {
        try {
            Path dir = Files.createTempDirectory("wasi-host-guest");
            Path src = dir.resolve("guest.c");
            Path out = dir.resolve("guest.wasm");
            Files.writeString(src, source, StandardCharsets.UTF_8);
            List<String> command = List.of("clang", "--target=wasm32-wasi", "--sysroot=/usr", "-O1",
                    "-o", out.toString(), src.toString());
            Process clang;
            try {
                clang = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("clang is required to build the C test guests and was not found"
                        + " (Debian: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)", e);
            }
            String log = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!clang.waitFor(120, TimeUnit.SECONDS) || clang.exitValue() != 0) {
                throw new AssertionError("clang failed to build a C test guest: " + String.join(" ", command)
                        + "\n" + log);
            }
            byte[] wasm = Files.readAllBytes(out);
            Files.delete(out);
            Files.delete(src);
            Files.delete(dir);
            return GuestModule.load(wasm);
        } catch (IOException e) {
            throw new AssertionError("could not build a C test guest", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while building a C test guest", e);
        }
    }
}
