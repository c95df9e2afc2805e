package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** The browser's WebAssembly engine. */
public final class WebAssembly {
    private WebAssembly() {
    }

    /** Whether {@link #compileStreaming} can compile this response while it downloads. */
    @JSBody(params = "response", script = "return typeof WebAssembly.compileStreaming === 'function'"
            + " && typeof TransformStream === 'function' && response.body != null;")
    public static native boolean canCompileStreaming(FetchResponse response);

    @JSBody(params = "response", script = "return WebAssembly.compileStreaming(response);")
    public static native JSPromise<WasmModule> compileStreaming(FetchResponse response);

    /** {@code object[key]} if it is a compiled {@code WebAssembly.Module}, else null. */
    @JSBody(params = { "object", "key" }, script = ""
            + "const v = object == null ? undefined : object[key];"
            + "return v instanceof WebAssembly.Module ? v : null;")
    public static native WasmModule moduleAt(JSObject object, String key);

    @JSBody(params = "bytes", script = "return WebAssembly.compile(bytes);")
    public static native JSPromise<WasmModule> compile(ArrayBuffer bytes);

    @JSBody(params = { "module", "imports" }, script = "return WebAssembly.instantiate(module, imports);")
    public static native JSPromise<WasmInstance> instantiate(WasmModule module, JSObject imports);

    @JSBody(params = "exports", script = "return typeof exports._start === 'function';")
    public static native boolean hasStart(WasmExports exports);

    @JSBody(params = "exports", script = "return exports.memory instanceof WebAssembly.Memory;")
    public static native boolean hasMemory(WasmExports exports);

    /**
     * Runs the command to its end and returns what it threw (a trap, or an exception thrown by an import
     * such as the polyfill's WasiExit), or null when {@code _start} returned.
     */
    @JSBody(params = "exports", script = "try { exports._start(); return null; } catch (e) { return e; }")
    public static native JSObject start(WasmExports exports);
}
