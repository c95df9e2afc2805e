package dev.wasiplay.cli;

import dev.wasiplay.host.ChicoryHost;
import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.RunOutcome;
import dev.wasiplay.host.RunSpec;
import dev.wasiplay.polyfill.OutputSink;
import dev.wasiplay.polyfill.StdinSource;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Runs the module on the JVM through wasi-host, compiled to JVM bytecode by Chicory's compiler (see
 * {@link GuestModule#compiled()}), on a thread with a deep stack (Chicory recurses per wasm call).
 */
final class ChicoryEngine {
    /** Deep guests (CPython's recursion) need far more than the default 1 MiB of Java stack; only touched pages cost. */
    private static final long GUEST_STACK_BYTES = 512L << 20;

    private ChicoryEngine() {}

    /**
     * @param tree     the run's file tree (host directories already loaded into it); the guest changes it in place
     * @param preopens guest names of the directories to preopen (each a path of {@code tree}); none means "/"
     * @param stdin    the guest's standard input
     * @param out      receives stdout as the guest writes it
     * @param err      receives stderr as the guest writes it
     */
    static EngineResult run(GuestModule module, GuestInput input, VirtualFileSystem tree, List<String> preopens,
            StdinSource stdin, OutputStream out, OutputStream err) throws InterruptedException {
        RunSpec.Builder spec = RunSpec.builder()
                .argv(input.argv())
                .stdin(stdin)
                .limits(input.limits())
                .deterministic(input.seed())
                .fileSystem(tree)
                .stdout(passThrough(out))
                .stderr(passThrough(err));
        for (String[] variable : input.env()) {
            spec.env(variable[0], variable[1]);
        }
        for (String preopen : preopens) {
            spec.preopen(preopen);
        }
        RunSpec runSpec = spec.build();
        // Like wasmtime, compile before running (a few hundred ms for a small C program; up to tens of times faster
        // afterwards); modules over GuestModule.COMPILE_LIMIT_BYTES stay on the interpreter.
        GuestModule runnable = module.compiled();
        RunOutcome[] outcome = new RunOutcome[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread guest = new Thread(null, () -> {
            try {
                outcome[0] = ChicoryHost.run(runnable, runSpec);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "wasiplay-guest", GUEST_STACK_BYTES);
        guest.setDaemon(true);
        guest.start();
        try {
            guest.join();
        } catch (InterruptedException e) {
            guest.interrupt(); // stops the guest
            guest.join();
            throw e;
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        RunOutcome done = outcome[0];
        return new EngineResult(done.exitCode(), done.status().label(), done.stdout(), done.stderr(), done.durationMs(),
                done.fileSystem());
    }

    private static OutputSink passThrough(OutputStream stream) {
        return (bytes, offset, length) -> {
            try {
                stream.write(bytes, offset, length);
                stream.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // e.g. the reader of a pipe went away: the guest stops
            }
        };
    }
}
