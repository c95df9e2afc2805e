package dev.wasiplay.web.js;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** A {@code WebAssembly.Memory}. Its buffer is replaced (the old one detached) whenever the guest grows it. */
public interface WasmMemory extends JSObject {
    @JSProperty
    ArrayBuffer getBuffer();
}
