package dev.wasiplay.web;

import dev.wasiplay.web.js.JsValues;
import dev.wasiplay.web.js.WasmModule;
import dev.wasiplay.web.js.WorkerGlobal;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * The Web Worker: answers each {@code {type: "run", ...}} message from the page by running the WASI command
 * it names (see README.md for the protocol). Runs are queued and happen one at a time, each settling with an
 * exit or error message; compiled modules are reused across runs.
 */
public final class WorkerMain {
    private final ModuleLoader modules = new ModuleLoader();
    private final BrowserClock clock = new BrowserClock();
    /** Settles when the previous message has been fully handled. */
    private JSPromise<Object> queue = JSPromise.resolve(null);

    public static void main(String[] args) {
        WorkerMain worker = new WorkerMain();
        WorkerGlobal.onMessage(worker::receive);
    }

    private void receive(JSObject data) {
        queue = queue.flatThen(ignored -> handle(data))
                .catchError(reason -> {
                    Messages.error("internal error: " + JsValues.describe((JSObject) reason));
                    return null;
                });
    }

    private JSPromise<Object> handle(JSObject data) {
        String type = JsValues.string(data, "type");
        if (!"run".equals(type)) {
            Messages.error("unknown message type: " + type + " (expected \"run\")");
            return JSPromise.resolve(null);
        }
        RunRequest request;
        try {
            request = RunRequest.parse(data);
        } catch (IllegalArgumentException e) {
            Messages.error("invalid run message: " + e.getMessage());
            return JSPromise.resolve(null);
        }
        GuestRun run = new GuestRun(request, clock);
        JSPromise<WasmModule> module = request.module != null ? JSPromise.resolve(request.module)
                : modules.load(request.wasmUrl);
        return module.flatThen(run::start, reason -> {
            Messages.error("failed to load " + request.wasmUrl + ": " + JsValues.describe((JSObject) reason));
            return JSPromise.resolve(null);
        });
    }
}
