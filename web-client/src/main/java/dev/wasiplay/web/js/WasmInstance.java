package dev.wasiplay.web.js;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** A {@code WebAssembly.Instance}. */
public interface WasmInstance extends JSObject {
    @JSProperty
    WasmExports getExports();
}
