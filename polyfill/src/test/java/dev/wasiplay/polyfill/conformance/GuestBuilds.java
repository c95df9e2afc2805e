package dev.wasiplay.polyfill.conformance;

import com.dylibso.chicory.wabt.Wat2Wasm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the guests: C with Debian's clang and wasi-libc ({@code clang --target=wasm32-wasi --sysroot=/usr}),
 * WAT with Chicory's wat2wasm. C guests may include the headers of {@code guests/include}; in a WAT guest a
 * line {@code ;; @include name.wat} is replaced by that file of {@code guests/include}. Each module is
 * cached in {@code polyfill/target/conformance-guests} under a hash of everything that goes into it (compiler command, source, shared headers), so the first runner of a
 * build compiles and the others reuse it. Fails (never skips) when clang is missing.
 */
public final class GuestBuilds {
    private static final List<String> CLANG = List.of("clang", "--target=wasm32-wasi", "--sysroot=/usr", "-O1",
            "-Wall", "-Wextra", "-Werror", "-Wno-unused-function", "-Wno-unused-parameter");

    private GuestBuilds() {
    }

    /** The compiled module of {@code guest}. */
    public static synchronized byte[] wasm(GuestCase guest) {
        try {
            Path include = GuestCase.root().resolve("include");
            String source = guest.isC() ? Files.readString(guest.source()) : expandIncludes(guest, include);
            StringBuilder key = new StringBuilder(guest.isC() ? String.join(" ", CLANG) : "wat2wasm");
            key.append('\0').append(source);
            if (guest.isC() || !source.equals(Files.readString(guest.source()))) {
                for (Path header : headers(include)) {
                    key.append('\0').append(header.getFileName()).append('\0').append(Files.readString(header));
                }
            }
            String hash = FileTree.sha256(key.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
            Path cache = cacheDirectory();
            Path wasm = cache.resolve(guest.name() + "-" + hash + ".wasm");
            if (!Files.exists(wasm)) {
                Path partial = Files.createTempFile(cache, guest.name(), ".partial");
                if (guest.isC()) {
                    clang(guest, include, partial);
                } else {
                    Files.write(partial, Wat2Wasm.parse(source));
                }
                Files.move(partial, wasm, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readAllBytes(wasm);
        } catch (IOException e) {
            throw new UncheckedIOException("could not build guest " + guest.name(), e);
        }
    }

    /** A WAT source with its {@code ;; @include name.wat} lines replaced by the files they name. */
    private static String expandIncludes(GuestCase guest, Path include) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(guest.source())) {
            String trimmed = line.trim();
            if (trimmed.startsWith(";; @include ")) {
                Path file = include.resolve(trimmed.substring(";; @include ".length()).trim());
                if (!Files.isRegularFile(file)) {
                    throw new AssertionError(guest.name() + ": " + trimmed + ": no such file " + file);
                }
                out.append(Files.readString(file)).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static List<Path> headers(Path include) throws IOException {
        if (!Files.isDirectory(include)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(include)) {
            return files.sorted().toList();
        }
    }

    private static Path cacheDirectory() throws IOException {
        Path dir = GuestCase.root().resolve("../../../target/conformance-guests").normalize();
        return Files.createDirectories(dir);
    }

    private static void clang(GuestCase guest, Path include, Path out) throws IOException {
        List<String> command = new ArrayList<>(CLANG);
        command.addAll(List.of("-I" + include, "-o", out.toString(), guest.source().toString()));
        Process clang;
        try {
            clang = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("clang is required to build the C conformance guests and was not found"
                    + " (Debian: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)", e);
        }
        String log = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!clang.waitFor(120, TimeUnit.SECONDS) || clang.exitValue() != 0) {
                throw new AssertionError("clang failed to build " + guest.source() + ":\n" + String.join(" ", command)
                        + "\n" + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while building " + guest.name(), e);
        }
    }
}
