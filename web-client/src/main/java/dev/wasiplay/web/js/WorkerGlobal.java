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

    /** Replaces the worker's message handler; the handler receives each message's {@code data}. */
    @JSBody(params = "handler", script = "self.onmessage = event => handler(event.data);")
    public static native void onMessage(MessageHandler handler);

    @JSFunctor
    public interface MessageHandler extends JSObject {
        void receive(JSObject data);
    }
}
