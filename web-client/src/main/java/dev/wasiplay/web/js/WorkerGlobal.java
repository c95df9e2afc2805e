package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The dedicated worker's global scope: messages to and from the page. */
public final class WorkerGlobal {
    private WorkerGlobal() {
    }

    @JSBody(params = "message", script = "self.postMessage(message);")
    public static native void postMessage(JSObject message);

    /** Posts {@code message}, handing {@code buffer} over to the page instead of copying it. */
    @JSBody(params = { "message", "buffer" }, script = "self.postMessage(message, [buffer]);")
    public static native void postMessageTransferring(JSObject message, JSObject buffer);

    /** Replaces the worker's message handler; the handler receives each message's {@code data}. */
    @JSBody(params = "handler", script = "self.onmessage = event => handler(event.data);")
    public static native void onMessage(MessageHandler handler);

    @JSFunctor
    public interface MessageHandler extends JSObject {
        void receive(JSObject data);
    }
}
