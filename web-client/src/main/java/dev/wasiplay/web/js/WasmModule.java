package dev.wasiplay.web.js;

import org.teavm.jso.JSObject;

/** A compiled {@code WebAssembly.Module}; instantiate it as often as needed. */
public interface WasmModule extends JSObject {
}
