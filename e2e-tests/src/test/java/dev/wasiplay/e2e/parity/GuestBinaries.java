package dev.wasiplay.e2e.parity;

import dev.wasiplay.e2e.parity.ParityCase.Kind;
import dev.wasiplay.runtimes.BundledRuntime;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The wasm modules the corpus runs on, as files: the bundled (stripped) python.wasm, and each C case compiled
 * with {@code clang --target=wasm32-wasi --sysroot=/usr -O2}. The bytes are the same for every engine.
 */
public final class GuestBinaries {
    /** The compiler command for C cases, before {@code -o OUT SOURCE}. */
    public static final List<String> CLANG = List.of("clang", "--target=wasm32-wasi", "--sysroot=/usr", "-O2");
    private static final long COMPILE_TIMEOUT_SECONDS = 120;

    private GuestBinaries() {}

    /** Writes the bundled python.wasm into {@code directory} (once: the file name carries the content hash). */
    public static Path python(Path directory) {
        BundledRuntime python = BundledRuntimes.python();
        Path file = directory.resolve(python.fileName());
        try {
            Files.createDirectories(directory);
            if (!Files.isRegularFile(file) || Files.size(file) != python.size()) {
                Path partial = Files.createTempFile(directory, "python", ".partial");
                Files.write(partial, python.bytes());
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write python.wasm into " + directory, e);
        }
    }

    /**
     * Compiles every C case into {@code directory}/NAME.wasm, two at a time, and returns the modules by case
     * id. Fails, naming the case and showing clang's output, if any does not compile; fails with how to
     * install it if clang itself is missing.
     */
    public static Map<String, Path> compileC(List<ParityCase> cases, Path directory) {
        requireClang();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<Path>> jobs = new LinkedHashMap<>();
            for (ParityCase c : cases) {
                if (c.kind() != Kind.C) {
                    throw new IllegalArgumentException(c.id() + " is not a C case");
                }
                jobs.put(c.id(), pool.submit(() -> compile(c, directory.resolve(c.name() + ".wasm"))));
            }
            Map<String, Path> modules = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Path>> job : jobs.entrySet()) {
                modules.put(job.getKey(), job.getValue().get());
            }
            return modules;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling C cases", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path compile(ParityCase c, Path output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(CLANG);
        command.addAll(List.of("-o", output.toString(), c.source().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] log = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMPILE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("clang took over " + COMPILE_TIMEOUT_SECONDS + " s on " + c.source());
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
            throw new IllegalStateException("cannot compile " + c.id() + " (" + String.join(" ", command) + "), exit "
                    + process.exitValue() + ":\n" + new String(log, StandardCharsets.UTF_8));
        }
        return output;
    }

    private static void requireClang() {
        String problem;
        try {
            Process p = new ProcessBuilder("clang", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            problem = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "clang --version failed";
        } catch (IOException e) {
            problem = "clang is not installed (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        if (problem != null) {
            throw new IllegalStateException(problem + ": the C cases of the parity corpus need clang, lld, wasi-libc "
                    + "and libclang-rt-14-dev-wasm32; ./wasiplay test installs them (apt-get install -y clang lld "
                    + "wasi-libc libclang-rt-14-dev-wasm32)");
        }
    }
}
