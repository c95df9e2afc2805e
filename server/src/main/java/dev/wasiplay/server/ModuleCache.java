package dev.wasiplay.server;

import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.InvalidModuleException;
import dev.wasiplay.server.store.ModuleStore;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Uploaded modules, parsed and compiled to JVM bytecode, by SHA-256, so repeated runs of one module do not re-read,
 * re-parse or re-compile it. Keeps the most recently used modules whose wasm sizes add up to at most
 * {@code maxBytes}.
 *
 * <p>Compiling ({@link GuestModule#compiled()}: tens of times faster for CPU-bound guests than Chicory's
 * interpreter) happens on one background thread, so at most one module is compiled at a time however many
 * arrive; it starts when a module is uploaded or first needed. A run waits up to {@link #COMPILE_WAIT} for its
 * module's compile, then runs on the interpreter if it is not done (the next run gets the compiled module).
 */
final class ModuleCache implements AutoCloseable {

    /** How long a run waits for its module to be compiled before it takes the interpreter. */
    static final Duration COMPILE_WAIT = Duration.ofSeconds(10);

    private final ModuleStore store;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final ExecutorService compiler = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wasiplay-module-compiler");
        thread.setDaemon(true);
        return thread;
    });
    private long bytes;

    private record Entry(GuestModule parsed, CompletableFuture<GuestModule> compiled, long size) {}

    ModuleCache(ModuleStore store, long maxBytes) {
        this.store = store;
        this.maxBytes = maxBytes;
    }

    /**
     * The uploaded module {@code workspace} runs (400 if unknown), or null for a Python workspace: the bundled CPython
     * runs on the executor's own instances, so python.wasm itself is never parsed here.
     */
    GuestModule moduleFor(Workspace workspace) throws InterruptedException {
        return workspace.isPython() ? null : get(workspace.moduleSha256());
    }

    /** The module with this digest, compiled if that is done within {@link #COMPILE_WAIT}, else as parsed. */
    GuestModule get(String sha256) throws InterruptedException {
        Entry entry;
        synchronized (this) {
            entry = entries.get(sha256);
        }
        if (entry == null) {
            byte[] wasm = store.find(sha256).orElseThrow(() -> unknownModule(sha256));
            GuestModule module;
            try {
                module = GuestModule.load(wasm);
            } catch (InvalidModuleException e) {
                // Stored modules were validated on upload; a newer host may be stricter.
                throw new BadRequestException("module " + sha256 + " cannot be run: " + e.getMessage());
            }
            entry = put(sha256, module, wasm.length);
        }
        try {
            return entry.compiled().get(COMPILE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return entry.parsed();
        }
    }

    /** Remembers a module parsed elsewhere (on upload) and starts compiling it, unless it is already known. */
    synchronized Entry put(String sha256, GuestModule module, long size) {
        Entry known = entries.get(sha256);
        if (known != null) {
            return known;
        }
        Entry entry = new Entry(module, compile(module), size);
        entries.put(sha256, entry);
        bytes += size;
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && entries.size() > 1 && eldest.hasNext()) {
            Map.Entry<String, Entry> victim = eldest.next();
            if (victim.getKey().equals(sha256)) {
                continue;
            }
            bytes -= victim.getValue().size();
            victim.getValue().compiled().cancel(false); // not compiled yet: no need any more
            eldest.remove();
        }
        return entry;
    }

    private CompletableFuture<GuestModule> compile(GuestModule module) {
        try {
            return CompletableFuture.supplyAsync(module::compiled, compiler);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(module);
        }
    }

    /** Stops the compile thread; modules not compiled yet run on the interpreter. */
    @Override
    public void close() {
        compiler.shutdownNow();
    }

    static BadRequestException unknownModule(String sha256) {
        return new BadRequestException("no uploaded module with SHA-256 " + sha256
                + "; upload it first with POST /api/modules");
    }
}
