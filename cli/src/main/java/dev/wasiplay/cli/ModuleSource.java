package dev.wasiplay.cli;

import dev.wasiplay.host.GuestModule;
import dev.wasiplay.runtimes.BundledRuntime;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MODULE of {@code wasiplay run}: a .wasm file, or the name of a bundled runtime ({@code python}). A file that exists
 * wins over a bundled name.
 *
 * @param written  MODULE as written: the guest's argv[0], as wasmtime gives it
 * @param bundled  the bundled runtime, or null for a file
 * @param file     the file, or null for a bundled runtime
 */
record ModuleSource(String written, BundledRuntime bundled, Path file) {

    static ModuleSource resolve(String module, Path cwd) throws UsageException {
        Path file = cwd.resolve(module);
        if (Files.isRegularFile(file)) {
            return new ModuleSource(module, null, file);
        }
        if (Files.exists(file)) {
            throw new UsageException(module + " is not a file; MODULE is a .wasm file or a bundled runtime ("
                    + bundledNames() + ")");
        }
        Optional<BundledRuntime> runtime = module.contains("/") ? Optional.empty() : BundledRuntimes.byName(module);
        if (runtime.isPresent()) {
            return new ModuleSource(module, runtime.get(), null);
        }
        throw new UsageException("no such module: " + module + " is neither a file nor a bundled runtime ("
                + bundledNames() + ")");
    }

    private static String bundledNames() {
        return BundledRuntimes.all().stream().map(BundledRuntime::name).collect(Collectors.joining(", "));
    }

    /** The module's bytes. */
    byte[] bytes() throws IOException {
        return bundled != null ? bundled.bytes() : Files.readAllBytes(file);
    }

    /**
     * The module parsed for Chicory: the bundled CPython as wasi-host compiled it at build time (trusted, not
     * re-validated), anything else validated in full (and compiled when it runs, see {@link ChicoryEngine}).
     *
     * @throws dev.wasiplay.host.InvalidModuleException with a one-line reason when it is not a WASI command
     */
    GuestModule load() throws IOException {
        if (bundled != null && bundled.name().equals("python")) {
            return GuestModule.compiledPython();
        }
        return GuestModule.load(bytes());
    }
}
