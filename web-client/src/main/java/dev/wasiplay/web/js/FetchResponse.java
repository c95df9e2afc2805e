package dev.wasiplay.web.js;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** A fetch {@code Response}. */
public interface FetchResponse extends JSObject {
    @JSProperty
    boolean isOk();

    @JSProperty
    int getStatus();

    @JSProperty
    String getStatusText();

    JSPromise<ArrayBuffer> arrayBuffer();
}
