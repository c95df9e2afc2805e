package dev.wasiplay.host;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import dev.wasiplay.polyfill.CappedOutput;
import dev.wasiplay.polyfill.OutputSink;
import dev.wasiplay.polyfill.StdinSource;
import dev.wasiplay.polyfill.WasiOptions;
import dev.wasiplay.polyfill.WasiPreview1;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves runs from CPython instances that have already done their start-up (which costs seconds on Chicory)
 * and wait for a program. Each instance serves exactly one run, then is gone; a replacement starts in the
 * background when its run has ended (not while it runs: the start-up would take CPU from it).
 *
 * <p>An instance runs {@code python -c <prestart-driver.py>}: after CPython's start-up the driver blocks
 * reading fd 0. A run extracts its image and writes its files into the instance's (so far empty) file tree, then sends the argv and
 * the run's stdin through fd 0; the driver sets {@code sys.argv}, {@code sys.orig_argv}, {@code sys.path[0]}
 * and a fresh {@code __main__} namespace, and executes the script as {@code python script args...} would,
 * hiding its own frame from tracebacks. The WASI layer is the polyfill, as in every mode.
 *
 * <p>Runs it cannot serve identically go to a fresh instance instead ({@link ChicoryHost}): an argv that is not
 * {@code python <script> ...}, environment variables, a file tree given with {@code RunSpec.fileSystem}, preopens
 * other than "/", a stdin source, or limits whose memory cap or descriptor limit differ from the instances' own.
 *
 * <p>Limits: an instance is built with its executor's memory cap and descriptor limit (they cannot change once
 * CPython runs); a run's time limit and output caps are its own. The time limit counts from when an instance picks
 * the run up (waiting for one is like waiting in a queue), and the program, not CPython's start-up, pays for it.
 */
final class PrestartedPython implements PythonExecutor {
    private static final Logger LOG = Logger.getLogger(PrestartedPython.class.getName());
    private static final String DRIVER = driverSource();
    private static final String PROGRAM = "python";

    private final ExecutionMode mode;
    private final int size;
    /** The memory cap and descriptor limit every instance is built with (their timeout and output caps unused). */
    private final RunLimits instanceLimits;
    private final BlockingQueue<Prestarted> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    /** Runs served by a pre-started instance (not by a fresh one), for tests. */
    private final AtomicInteger served = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean broken;

    PrestartedPython(ExecutionMode mode, int size) {
        this(mode, size, RunLimits.NONE);
    }

    /** Instances built for runs with {@code instanceLimits}' memory cap and descriptor limit. */
    PrestartedPython(ExecutionMode mode, int size, RunLimits instanceLimits) {
        if (!mode.prestarted()) {
            throw new IllegalArgumentException("not a pre-started mode: " + mode);
        }
        if (size < 1) {
            throw new IllegalArgumentException("need at least one pre-started instance, got " + size);
        }
        this.mode = mode;
        this.size = size;
        this.instanceLimits = instanceLimits;
        for (int i = 0; i < size; i++) {
            startOne();
        }
    }

    @Override
    public ExecutionMode mode() {
        return mode;
    }

    /** How many instances this executor keeps started or starting. */
    int size() {
        return size;
    }

    @Override
    public RunOutcome run(RunSpec spec) {
        if (!servable(spec) || !fitsInstances(spec.limits()) || broken || closed) {
            return ChicoryHost.run(module(), spec, machineFactory());
        }
        Prestarted instance;
        try {
            instance = takeReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChicoryHost.run(module(), spec, machineFactory()); // stops at once: "run interrupted"
        }
        if (instance == null) {
            return ChicoryHost.run(module(), spec, machineFactory());
        }
        served.incrementAndGet();
        try {
            return instance.serve(spec);
        } finally {
            // The replacement starts when this run has ended: CPython's start-up would otherwise take CPU from
            // the run (on a 2-core machine, most of it). Other instances keep serving meanwhile.
            startOne();
        }
    }

    /** How many runs pre-started instances have served so far. */
    int served() {
        return served.get();
    }

    /** Waits until {@code count} instances are started and waiting (for benchmarks and tests). */
    boolean awaitReady(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (ready.size() < count) {
            if (broken || System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        for (Prestarted instance; (instance = ready.poll()) != null; ) {
            instance.thread.interrupt();
        }
    }

    /**
     * python with a script and its arguments, no environment, a fresh tree, the host's clock and randomness: what
     * the driver reproduces exactly (a deterministic run's virtual time and seed start with CPython's start-up).
     */
    static boolean servable(RunSpec spec) {
        List<String> argv = spec.argv();
        return argv.size() >= 2 && argv.get(0).equals(PROGRAM) && !argv.get(1).startsWith("-")
                && spec.env().isEmpty() && !spec.hasOwnFileSystem()
                && spec.preopens().equals(List.of("/"))
                && !spec.hasStdinSource() && !spec.deterministic();
    }

    /** Whether the instances were built with the memory cap and descriptor limit these limits ask for. */
    private boolean fitsInstances(RunLimits limits) {
        return limits.maxMemoryPages() == instanceLimits.maxMemoryPages()
                && limits.maxOpenFiles() == instanceLimits.maxOpenFiles();
    }

    private Prestarted takeReady() throws InterruptedException {
        while (true) {
            Prestarted instance = ready.poll(100, TimeUnit.MILLISECONDS);
            if (instance != null || broken || closed) {
                return instance;
            }
        }
    }

    private GuestModule module() {
        return mode.compiled() ? CompiledPython.module() : GuestModule.python();
    }

    private Function<Instance, Machine> machineFactory() {
        return mode.compiled() ? CompiledPython.machineFactory() : null;
    }

    private void startOne() {
        if (closed) {
            return;
        }
        Prestarted instance = new Prestarted();
        Thread thread = new Thread(instance::runGuest, "wasiplay-prestarted-python-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        instance.thread = thread;
        thread.start();
    }

    /** One CPython instance: started at construction, waiting on fd 0, then running one program. */
    private final class Prestarted {
        private final long created = System.nanoTime();
        private final VirtualFileSystem fileSystem = new VirtualFileSystem();
        private final Forward stdoutTarget = new Forward();
        private final Forward stderrTarget = new Forward();
        private final ChicoryHost.Capture stdout = new ChicoryHost.Capture(stdoutTarget);
        private final ChicoryHost.Capture stderr = new ChicoryHost.Capture(stderrTarget);
        /** What the guest writes to: the captures, behind the run's output caps once a run arrives. */
        private final Forward stdoutGate = new Forward(stdout);
        private final Forward stderrGate = new Forward(stderr);
        private final Gate stdin = new Gate(this);
        private Thread thread;
        private boolean ended;
        private ChicoryHost.Ending ending;

        /** The instance's thread: CPython's start-up, the wait on fd 0, then the program. */
        void runGuest() {
            WasiPreview1 wasi = new WasiPreview1(WasiOptions.builder()
                    .args(List.of(PROGRAM, "-c", DRIVER))
                    .stdin(stdin)
                    .stdout(stdoutGate)
                    .stderr(stderrGate)
                    .clock(HostClock.INSTANCE)
                    .random(SecureRandomSource.INSTANCE)
                    .maxOpenFiles(instanceLimits.maxOpenFiles())
                    .preopen("/", fileSystem.root())
                    .build());
            ChicoryHost.Ending end;
            try {
                end = ChicoryHost.execute(module(), machineFactory(),
                        ChicoryHost.memoryFactory(instanceLimits.maxMemoryPages()), wasi);
            } catch (RuntimeException | Error e) { // e.g. python.wasm failed to parse or compile
                end = ChicoryHost.Ending.stopped(RunStatus.ERROR, "host error: " + e);
            }
            if (!stdin.released()) {
                // Ended before a run was given to it: closed, or the start-up failed. Do not retry forever.
                if (!closed) {
                    broken = true;
                    LOG.log(Level.SEVERE, "pre-started python ended during start-up (exit " + end.exitCode() + ", "
                            + end.message() + "): " + new String(stderr.bytes(), StandardCharsets.UTF_8)
                            + "; runs now use fresh instances");
                }
            }
            synchronized (this) {
                ending = end;
                ended = true;
                notifyAll();
            }
        }

        /** Called on the guest's thread when the driver first blocks on fd 0: start-up is over. */
        void nowWaiting() {
            if (stdout.bytes().length > 0 || stderr.bytes().length > 0) {
                LOG.warning("pre-started python wrote output during start-up; discarding it: "
                        + new String(stderr.bytes(), StandardCharsets.UTF_8));
                thread.interrupt();
                return;
            }
            LOG.fine(() -> "python pre-started in " + (System.nanoTime() - created) / 1_000_000 + " ms");
            ready.add(this);
        }

        RunOutcome serve(RunSpec spec) {
            long started = System.nanoTime();
            RunLimits limits = spec.limits();
            spec.writeStartingTreeInto(fileSystem);
            stdoutTarget.target = spec.stdoutListener();
            stderrTarget.target = spec.stderrListener();
            stdoutGate.target = CappedOutput.of(stdout, limits.maxStdoutBytes(), "stdout");
            stderrGate.target = CappedOutput.of(stderr, limits.maxStderrBytes(), "stderr");
            ChicoryHost.Ending end;
            try (RunDeadline deadline = RunDeadline.start(limits.timeout())) {
                stdin.release(controlMessage(spec.argv()), spec.stdin());
                boolean interrupted = false;
                synchronized (this) {
                    while (!ended) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                            thread.interrupt(); // stops the guest as ChicoryHost.run would (the deadline does this)
                        }
                    }
                    end = ending.within(deadline);
                }
                if (interrupted) {
                    Thread.currentThread().interrupt(); // cleared again by the deadline if it was its own
                }
            }
            if (end.status() != RunStatus.OK) {
                stderr.appendLine(end.message());
            }
            long durationMs = (System.nanoTime() - started) / 1_000_000L;
            return new RunOutcome(end.exitCode(), stdout.bytes(), stderr.bytes(), durationMs, fileSystem,
                    end.status(), end.message());
        }
    }

    /** "<length>\n" then argv joined by NUL, in UTF-8: what the driver reads before anything else. */
    static byte[] controlMessage(List<String> argv) {
        byte[] body = String.join("\0", argv).getBytes(StandardCharsets.UTF_8);
        byte[] header = (body.length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[header.length + body.length];
        System.arraycopy(header, 0, message, 0, header.length);
        System.arraycopy(body, 0, message, header.length, body.length);
        return message;
    }

    /** fd 0 of a pre-started instance: blocks until a run releases it, then the control message and the run's stdin. */
    private static final class Gate implements StdinSource {
        private final Prestarted owner;
        private boolean waiting;
        private byte[] control;
        private byte[] input;
        private int position;

        Gate(Prestarted owner) {
            this.owner = owner;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            byte[] data;
            synchronized (this) {
                if (!waiting) {
                    waiting = true;
                    owner.nowWaiting();
                }
                while (control == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new PrestartCancelled();
                    }
                }
                data = position < control.length ? control : input;
            }
            int start = data == control ? position : position - control.length;
            if (start >= data.length) {
                return -1;
            }
            int n = Math.min(length, data.length - start);
            System.arraycopy(data, start, buffer, offset, n);
            synchronized (this) {
                position += n;
            }
            return n;
        }

        @Override
        public synchronized boolean ready() {
            return control != null;
        }

        synchronized void release(byte[] controlMessage, byte[] runStdin) {
            control = controlMessage;
            input = runStdin;
            notifyAll();
        }

        synchronized boolean released() {
            return control != null;
        }
    }

    /** Ends a pre-started instance that is closed before it got a run. */
    private static final class PrestartCancelled extends RuntimeException {
        PrestartCancelled() {
            super("pre-started instance closed", null, false, false);
        }
    }

    /** An output sink chosen when the run arrives. */
    private static final class Forward implements OutputSink {
        volatile OutputSink target;

        Forward() {
            this(OutputSink.DISCARD);
        }

        Forward(OutputSink target) {
            this.target = target;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            target.write(bytes, offset, length);
        }
    }

    private static String driverSource() {
        try (InputStream in = PrestartedPython.class.getResourceAsStream("prestart-driver.py")) {
            if (in == null) {
                throw new IllegalStateException("prestart-driver.py is not on the classpath");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
