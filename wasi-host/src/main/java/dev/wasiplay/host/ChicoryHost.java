package dev.wasiplay.host;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasiplay.polyfill.CappedOutput;
import dev.wasiplay.polyfill.DeterministicMode;
import dev.wasiplay.polyfill.LimitExceeded;
import dev.wasiplay.polyfill.OutputSink;
import dev.wasiplay.polyfill.WasiExit;
import dev.wasiplay.polyfill.WasiFunction;
import dev.wasiplay.polyfill.WasiOptions;
import dev.wasiplay.polyfill.WasiPreview1;
import dev.wasiplay.polyfill.WasiTrap;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs WASI command modules on Chicory's interpreter, with the polyfill as wasi_snapshot_preview1.
 *
 * <p>Every run gets its own instance, memory, WASI state and file tree; runs may go on in parallel on
 * different threads. {@link #run} blocks the calling thread until the guest ends or passes one of the spec's
 * {@link RunLimits}. Interrupting that thread stops the guest at its next call or loop iteration (the outcome
 * then reports "run interrupted").
 */
public final class ChicoryHost {
    /** Exit code reported when the run did not end by itself (trap, limit, host failure); like SIGABRT. */
    public static final int TRAP_EXIT_CODE = 134;

    private ChicoryHost() {}

    /**
     * Instantiates {@code module}, runs its {@code _start} within the spec's limits and reports how it ended: as
     * JVM bytecode if the module was {@linkplain GuestModule#compiled() compiled}, else on Chicory's interpreter.
     * Guest failures (traps, proc_exit, limits, host errors during the run) never throw: they are in the outcome.
     *
     * @throws IllegalArgumentException when the spec's files cannot be placed in its file system
     */
    public static RunOutcome run(GuestModule module, RunSpec spec) {
        return run(module, spec, Objects.requireNonNull(module, "module").machineFactory());
    }

    /** {@link #run(GuestModule, RunSpec)} on the given Chicory machine factory (null: the interpreter). */
    static RunOutcome run(GuestModule module, RunSpec spec, Function<Instance, Machine> machineFactory) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(spec, "spec");
        long started = System.nanoTime();
        RunLimits limits = spec.limits();
        VirtualFileSystem fileSystem = spec.newRunFileSystem();
        Capture stdout = new Capture(spec.stdoutListener());
        Capture stderr = new Capture(spec.stderrListener());

        WasiOptions.Builder options = WasiOptions.builder()
                .args(spec.argv())
                .stdin(spec.newStdinSource())
                .stdout(CappedOutput.of(stdout, limits.maxStdoutBytes(), "stdout"))
                .stderr(CappedOutput.of(stderr, limits.maxStderrBytes(), "stderr"))
                .clock(HostClock.INSTANCE)
                .random(SecureRandomSource.INSTANCE)
                .maxOpenFiles(limits.maxOpenFiles());
        if (spec.deterministic()) {
            options.clock(DeterministicMode.prepare(fileSystem)).random(DeterministicMode.random(spec.seed()));
        }
        for (String preopen : spec.preopens()) {
            options.preopen(preopen, RunSpec.preopenDirectory(fileSystem, preopen));
        }
        for (String[] variable : spec.env()) {
            options.env(variable[0], variable[1]);
        }
        WasiPreview1 wasi = new WasiPreview1(options.build());

        Ending ending;
        try (RunDeadline deadline = RunDeadline.start(limits.timeout())) {
            ending = execute(module, machineFactory, memoryFactory(limits.maxMemoryPages()), wasi).within(deadline);
        }
        if (ending.status != RunStatus.OK) {
            stderr.appendLine(ending.message);
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000L;
        return new RunOutcome(ending.exitCode, stdout.bytes(), stderr.bytes(), durationMs, fileSystem,
                ending.status, ending.message);
    }

    /** How {@code _start} ended: exit code, status and the line for people (added to stderr unless OK). */
    record Ending(int exitCode, RunStatus status, String message) {
        static Ending exited(int code) {
            return new Ending(code, RunStatus.OK, "exited with code " + code);
        }

        static Ending stopped(RunStatus status, String message) {
            return new Ending(TRAP_EXIT_CODE, status, message);
        }

        /**
         * This ending, or a timeout when the run's deadline passed before the guest ended by itself: whatever the
         * deadline's interrupt made the guest throw ("run interrupted", or a host error of a stdin source) is the
         * time limit's doing.
         */
        Ending within(RunDeadline deadline) {
            if (status == RunStatus.OK || !deadline.fired()) {
                return this;
            }
            return stopped(RunStatus.TIMEOUT,
                    "time limit exceeded: the run was stopped after " + RunLimits.describe(deadline.timeout()));
        }
    }

    /**
     * The memory factory enforcing a cap of {@code maxMemoryPages} ({@link RunLimits#MAX_PAGES}: none): a
     * {@link FlatMemory}, or for a shared memory Chicory's own behind {@link CappedMemory}.
     */
    static Function<MemoryLimits, Memory> memoryFactory(int maxMemoryPages) {
        Function<MemoryLimits, Memory> shared = CappedMemory.factory(maxMemoryPages);
        return limits -> limits.shared() ? shared.apply(limits) : new FlatMemory(limits, maxMemoryPages);
    }

    /**
     * Instantiates and runs the module on the calling thread and says how it ended; never throws.
     * {@code machineFactory} null means Chicory's interpreter (see {@link ExecutionMode}); {@code memoryFactory}
     * null means Chicory's own memory, without a cap (the runs themselves use {@link #memoryFactory}).
     */
    static Ending execute(GuestModule module, Function<Instance, Machine> machineFactory,
            Function<MemoryLimits, Memory> memoryFactory, WasiPreview1 wasi) {
        try {
            Instance.Builder builder = Instance.builder(module.wasm())
                    .withImportValues(imports(module, wasi))
                    .withInitialize(false);
            if (machineFactory != null) {
                builder.withMachineFactory(machineFactory);
            }
            if (memoryFactory != null) {
                builder.withMemoryFactory(memoryFactory);
            }
            Instance instance = builder.build();
            // Attach before initialize(): a start section may already call WASI.
            wasi.attach(new ChicoryMemory(instance.exports().memory(GuestModule.MEMORY_EXPORT)));
            instance.initialize(false);
            instance.exports().function(GuestModule.START_EXPORT).apply();
            return Ending.exited(0);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError failure) {
            return ending(failure);
        }
    }

    /** Why a run that threw ended. */
    private static Ending ending(Throwable failure) {
        WasiExit exit = exitIn(failure);
        if (exit != null) {
            return Ending.exited(exit.code());
        }
        LimitExceeded limit = LimitExceeded.in(failure);
        if (limit != null) {
            return Ending.stopped(RunStatus.of(limit), limit.getMessage());
        }
        if (failure instanceof ChicoryInterruptedException) {
            return Ending.stopped(RunStatus.ERROR, "run interrupted");
        }
        if (failure instanceof StackOverflowError) {
            return Ending.stopped(RunStatus.TRAP, "wasm trap: call stack exhausted");
        }
        if (failure instanceof OutOfMemoryError) {
            return Ending.stopped(RunStatus.MEMORY, "wasm trap: out of memory (host heap exhausted)");
        }
        WasiTrap trap = causeOfType(failure, WasiTrap.class);
        if (trap != null) {
            return Ending.stopped(RunStatus.TRAP, "wasm trap: " + trap.getMessage());
        }
        if (failure instanceof ChicoryException) {
            return Ending.stopped(RunStatus.TRAP, "wasm trap: " + messageOf(failure));
        }
        return Ending.stopped(RunStatus.ERROR,
                "host error: " + failure.getClass().getName() + ": " + messageOf(failure));
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

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? "(no message)" : message.replaceAll("\\s+", " ").trim();
    }

    /** Keeps everything a guest writes to one stream and passes it on to the spec's listener. */
    static final class Capture implements OutputSink {
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
