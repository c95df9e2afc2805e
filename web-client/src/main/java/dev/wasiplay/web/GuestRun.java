package dev.wasiplay.web;

import dev.wasiplay.polyfill.WasiOptions;
import dev.wasiplay.polyfill.WasiPreview1;
import dev.wasiplay.web.js.BrowserTime;
import dev.wasiplay.web.js.JsValues;
import dev.wasiplay.web.js.WasmExports;
import dev.wasiplay.web.js.WasmInstance;
import dev.wasiplay.web.js.WasmModule;
import dev.wasiplay.web.js.WebAssembly;
import org.teavm.jso.JSExceptions;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/** One run of a WASI command: a fresh polyfill and instance, its output posted as it is written. */
final class GuestRun {
    /** The status of a trapped guest, as a shell reports SIGABRT; the JVM host uses it too. */
    static final int TRAP_EXIT_CODE = 134;

    private final RunRequest request;
    private final PostingSink stdout = new PostingSink("stdout");
    private final PostingSink stderr = new PostingSink("stderr");
    private final WasiPreview1 wasi;

    GuestRun(RunRequest request, BrowserClock clock) {
        this.request = request;
        WasiOptions.Builder options = WasiOptions.builder()
                .args(request.argv)
                .stdin(new RunStdin(request.stdin, request.stdinChannel(stderr)))
                .stdout(stdout)
                .stderr(stderr)
                .clock(clock)
                .random(new CryptoRandom())
                .preopen("/", request.files.root());
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
        wasi.attach(new BrowserMemory(exports.getMemory()));
        int exitCode = runToEnd(exports);
        double durationMs = BrowserTime.monotonicMillis() - started;
        stdout.finish();
        stderr.finish();
        Messages.exit(exitCode, durationMs);
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
        String message = javaException != null && javaException.getMessage() != null
                ? javaException.getMessage()
                : JsValues.message(thrown);
        stderr.finish();
        stderr.post("wasm trap: " + message + "\n");
        return TRAP_EXIT_CODE;
    }
}
