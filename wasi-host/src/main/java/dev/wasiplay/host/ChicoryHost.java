package dev.wasiplay.host;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import dev.wasiplay.polyfill.OutputSink;
import dev.wasiplay.polyfill.StdinSource;
import dev.wasiplay.polyfill.WasiExit;
import dev.wasiplay.polyfill.WasiFunction;
import dev.wasiplay.polyfill.WasiOptions;
import dev.wasiplay.polyfill.WasiPreview1;
import dev.wasiplay.polyfill.WasiTrap;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Runs WASI command modules on Chicory's interpreter, with the polyfill as wasi_snapshot_preview1.
 *
 * <p>Every run gets its own instance, memory, WASI state and file tree; runs may go on in parallel on
 * different threads. {@link #run} blocks the calling thread until the guest ends. Interrupting that
 * thread stops the guest at its next call or loop iteration (the outcome then reports "run interrupted").
 */
public final class ChicoryHost {
    /** Exit code reported when the guest trapped or the host failed; like a process killed by SIGABRT. */
    public static final int TRAP_EXIT_CODE = 134;

    private ChicoryHost() {}

    /**
     * Instantiates {@code module}, runs its {@code _start} and reports how it ended. Guest failures
     * (traps, proc_exit, host errors during the run) never throw: they are in the outcome.
     *
     * @throws IllegalArgumentException when the spec's files cannot be placed in its file system
     */
    public static RunOutcome run(GuestModule module, RunSpec spec) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(spec, "spec");
        long started = System.nanoTime();
        VirtualFileSystem fileSystem = spec.newRunFileSystem();
        Capture stdout = new Capture(spec.stdoutListener());
        Capture stderr = new Capture(spec.stderrListener());

        WasiOptions.Builder options = WasiOptions.builder()
                .args(spec.argv())
                .stdin(StdinSource.of(spec.stdin()))
                .stdout(stdout)
                .stderr(stderr)
                .clock(HostClock.INSTANCE)
                .random(SecureRandomSource.INSTANCE);
        for (String preopen : spec.preopens()) {
            options.preopen(preopen, RunSpec.preopenDirectory(fileSystem, preopen));
        }
        for (String[] variable : spec.env()) {
            options.env(variable[0], variable[1]);
        }
        WasiPreview1 wasi = new WasiPreview1(options.build());

        int exitCode = execute(module, wasi, stderr);
        long durationMs = (System.nanoTime() - started) / 1_000_000L;
        return new RunOutcome(exitCode, stdout.bytes(), stderr.bytes(), durationMs, fileSystem);
    }

    private static int execute(GuestModule module, WasiPreview1 wasi, Capture stderr) {
        try {
            Instance instance = Instance.builder(module.wasm())
                    .withImportValues(imports(module, wasi))
                    .withInitialize(false)
                    .build();
            // Attach before initialize(): a start section may already call WASI.
            wasi.attach(new ChicoryMemory(instance.exports().memory(GuestModule.MEMORY_EXPORT)));
            instance.initialize(false);
            instance.exports().function(GuestModule.START_EXPORT).apply();
            return 0;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError failure) {
            WasiExit exit = exitIn(failure);
            if (exit != null) {
                return exit.code();
            }
            WasiTrap trap = causeOfType(failure, WasiTrap.class);
            stderr.appendLine(trap != null ? "wasm trap: " + trap.getMessage() : describe(failure));
            return TRAP_EXIT_CODE;
        }
    }

    /** One host function per WASI import of the module, each calling into this run's polyfill. */
    private static ImportValues imports(GuestModule module, WasiPreview1 wasi) {
        ImportValues.Builder imports = ImportValues.builder();
        for (WasiFunction function : module.imports()) {
            imports.addFunction(new HostFunction(
                    WasiPreview1.MODULE,
                    function.importName,
                    GuestModule.wasiType(function),
                    function.returnsErrno()
                            ? (instance, args) -> new long[] {function.invoke(wasi, args)}
                            : (instance, args) -> {
                                function.invoke(wasi, args); // proc_exit: throws WasiExit
                                return null;
                            }));
        }
        return imports.build();
    }

    /** proc_exit's WasiExit, whether it arrives bare or wrapped by the engine. */
    private static WasiExit exitIn(Throwable failure) {
        return causeOfType(failure, WasiExit.class);
    }

    /** The first throwable of {@code type} in the cause chain (the engine may wrap what a host function threw). */
    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The one line appended to stderr when a run ends without exiting. */
    private static String describe(Throwable failure) {
        if (failure instanceof ChicoryInterruptedException) {
            return "run interrupted";
        }
        if (failure instanceof StackOverflowError) {
            return "wasm trap: call stack exhausted";
        }
        if (failure instanceof OutOfMemoryError) {
            return "wasm trap: out of memory (host heap exhausted)";
        }
        if (failure instanceof ChicoryException) {
            return "wasm trap: " + messageOf(failure);
        }
        return "host error: " + failure.getClass().getName() + ": " + messageOf(failure);
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? "(no message)" : message.replaceAll("\\s+", " ").trim();
    }

    /** Keeps everything a guest writes to one stream and passes it on to the spec's listener. */
    private static final class Capture implements OutputSink {
        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        private final OutputSink listener;
        private boolean atLineStart = true;

        Capture(OutputSink listener) {
            this.listener = listener;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (length > 0) {
                captured.write(bytes, offset, length);
                atLineStart = bytes[offset + length - 1] == '\n';
            }
            listener.write(bytes, offset, length);
        }

        /** Adds a host message on a line of its own. The listener may be what failed: it gets a try. */
        void appendLine(String line) {
            String text = (atLineStart ? "" : "\n") + line + "\n";
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            captured.write(bytes, 0, bytes.length);
            try {
                listener.write(bytes, 0, bytes.length);
            } catch (RuntimeException ignored) {
                // The line is in the captured stderr either way.
            }
        }

        byte[] bytes() {
            return captured.toByteArray();
        }
    }
}
