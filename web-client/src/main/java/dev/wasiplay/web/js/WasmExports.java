package dev.wasiplay.web.js;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** The exports of a WASI command; {@link WebAssembly} checks for and calls {@code _start}. */
public interface WasmExports extends JSObject {
    @JSProperty
    WasmMemory getMemory();
}
