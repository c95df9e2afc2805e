package dev.wasiplay.web;

import dev.wasiplay.polyfill.CappedOutput;
import dev.wasiplay.polyfill.DeterministicMode;
import dev.wasiplay.polyfill.LimitExceeded;
import dev.wasiplay.polyfill.WasiOptions;
import dev.wasiplay.polyfill.WasiPreview1;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.web.js.BrowserTime;
import dev.wasiplay.web.js.JsValues;
import dev.wasiplay.web.js.WasmExports;
import dev.wasiplay.web.js.WasmInstance;
import dev.wasiplay.web.js.WasmModule;
import dev.wasiplay.web.js.WebAssembly;
import org.teavm.jso.JSExceptions;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * One run of a WASI command: a fresh polyfill and instance, its output posted as it is written, within the
 * request's limits (output caps and the descriptor limit through the polyfill, as on the JVM; the memory cap
 * checked at each WASI call, see {@link BrowserMemory}). The time limit is the page's: it terminates the worker.
 */
final class GuestRun {
    /** The status of a trapped guest, as a shell reports SIGABRT; the JVM host uses it too. */
    static final int TRAP_EXIT_CODE = 134;

    private final RunRequest request;
    private final OutputPoster output = new OutputPoster();
    private final PostingSink stdout = new PostingSink("stdout", output);
    private final PostingSink stderr = new PostingSink("stderr", output);
    private final WasiPreview1 wasi;

    GuestRun(RunRequest request, BrowserClock clock) {
        this.request = request;
        WasiOptions.Builder options = WasiOptions.builder()
                .args(request.argv)
                .stdin(new RunStdin(request.stdin, flushingFirst(request.stdinChannel(stderr))))
                .stdout(CappedOutput.of(stdout, request.maxStdoutBytes, "stdout"))
                .stderr(CappedOutput.of(stderr, request.maxStderrBytes, "stderr"))
                .clock(output.flushingBefore(clock))
                .random(new CryptoRandom())
                .maxOpenFiles(request.maxOpenFiles);
        if (request.deterministic) {
            options.clock(output.flushingBefore(DeterministicMode.prepare(request.files)))
                    .random(DeterministicMode.random(request.seed));
        }
        for (int i = 0; i < request.preopens.length; i++) {
            options.preopen(request.preopens[i], request.preopenDirs[i]);
        }
        for (int i = 0; i < request.env.length; i += 2) {
            options.env(request.env[i], request.env[i + 1]);
        }
        this.wasi = new WasiPreview1(options.build());
    }

    /** Instantiates the module and runs {@code _start}; settles once the exit (or error) message is posted. */
    JSPromise<Object> start(WasmModule module) {
        Messages.status(Messages.RUN);
        double started = BrowserTime.monotonicMillis();
        return WebAssembly.instantiate(module, WasiImports.create(wasi)).then(
                instance -> {
                    execute(instance, started);
                    return null;
                },
                reason -> {
                    Messages.error("failed to instantiate " + request.wasmUrl + ": " + JsValues.describe((JSObject) reason));
                    return null;
                });
    }

    private void execute(WasmInstance instance, double started) {
        WasmExports exports = instance.getExports();
        if (!WebAssembly.hasStart(exports)) {
            Messages.error(request.wasmUrl + " exports no _start function: it is not a WASI command");
            return;
        }
        if (!WebAssembly.hasMemory(exports)) {
            Messages.error(request.wasmUrl + " does not export its memory as \"memory\"");
            return;
        }
        int exitCode;
        try {
            wasi.attach(new BrowserMemory(exports.getMemory(), request.maxMemoryBytes));
            exitCode = runToEnd(exports);
        } catch (LimitExceeded tooBig) { // the module's initial memory is over the cap
            exitCode = stopped(tooBig.status(), tooBig.getMessage());
        }
        double durationMs = BrowserTime.monotonicMillis() - started;
        stdout.finish();
        stderr.finish();
        Messages.fileSystem(TarImage.create(request.files));
        Messages.exit(exitCode, durationMs, status, reason);
    }

    /** The channel, posting all pending output first so the prompt is on screen before the guest waits. */
    private StdinChannel flushingFirst(StdinChannel channel) {
        if (channel == null) {
            return null;
        }
        return () -> {
            output.flush();
            return channel.next();
        };
    }

    /** "ok" unless the run was stopped; then also the reason, which ends stderr. */
    private String status = "ok";
    private String reason;

    private int stopped(String runStatus, String line) {
        status = runStatus;
        reason = line;
        stderr.postLine(line);
        return TRAP_EXIT_CODE;
    }

    /**
     * Calls {@code _start}. proc_exit throws the polyfill's WasiExit through the guest's frames; it reaches
     * here as TeaVM's JavaScript wrapper of the Java exception, so the exit is recognised by the polyfill's
     * recorded exit code rather than by the form of what was thrown. Anything else is a trap.
     */
    private int runToEnd(WasmExports exports) {
        JSObject thrown = WebAssembly.start(exports);
        if (thrown == null) {
            return 0;
        }
        if (wasi.exitCode() >= 0) {
            return wasi.exitCode();
        }
        // Minified TeaVM output keeps no class names, so a Java exception is described by its message.
        Throwable javaException = JSExceptions.getJavaException(thrown);
        LimitExceeded limit = LimitExceeded.in(javaException);
        if (limit != null) {
            return stopped(limit.status(), limit.getMessage());
        }
        String message = javaException != null && javaException.getMessage() != null
                ? javaException.getMessage()
                : JsValues.message(thrown);
        return stopped("trap", "wasm trap: " + message);
    }
}
