package dev.wasiplay.web.js;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** A message to the page; which properties are set depends on {@code type} (see the module README). */
public interface WorkerMessage extends JSObject {
    @JSProperty
    void setType(String type);

    @JSProperty
    void setPhase(String phase);

    @JSProperty
    void setLoaded(double loaded);

    @JSProperty
    void setTotal(double total);

    @JSProperty
    void setText(String text);

    @JSProperty
    void setExitCode(int exitCode);

    @JSProperty
    void setDurationMs(double durationMs);

    @JSProperty
    void setMessage(String message);

    @JSProperty
    void setStatus(String status);

    @JSProperty
    void setImage(ArrayBuffer image);
}
