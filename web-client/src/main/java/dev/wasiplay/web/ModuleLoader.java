package dev.wasiplay.web;

import dev.wasiplay.web.js.Fetch;
import dev.wasiplay.web.js.FetchResponse;
import dev.wasiplay.web.js.WasmModule;
import dev.wasiplay.web.js.WebAssembly;
import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.core.JSError;
import org.teavm.jso.core.JSPromise;

/**
 * Fetches and compiles wasm modules, streaming (compiling while it downloads) where the browser can, and
 * keeps each compiled module for the life of the worker: the next run of the same URL skips both steps.
 */
final class ModuleLoader {
    private final Map<String, WasmModule> compiled = new HashMap<>();

    /** The compiled module; rejects with the fetch, HTTP or compile error. */
    JSPromise<WasmModule> load(String url) {
        WasmModule cached = compiled.get(url);
        if (cached != null) {
            return JSPromise.resolve(cached);
        }
        Messages.status(Messages.DOWNLOAD);
        return Fetch.fetch(url)
                .flatThen(this::compile)
                .then(module -> {
                    compiled.put(url, module);
                    return module;
                });
    }

    private JSPromise<WasmModule> compile(FetchResponse response) {
        if (!response.isOk()) {
            return JSPromise.reject(new JSError("HTTP " + response.getStatus() + " " + response.getStatusText()));
        }
        DownloadProgress progress = new DownloadProgress(contentLength(response));
        if (WebAssembly.canCompileStreaming(response)) {
            return WebAssembly.compileStreaming(Fetch.observeBody(response, progress::chunk, progress::end));
        }
        return response.arrayBuffer().flatThen(bytes -> {
            progress.end(bytes.getByteLength());
            return WebAssembly.compile(bytes);
        });
    }

    private static double contentLength(FetchResponse response) {
        String header = Fetch.contentLength(response);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
