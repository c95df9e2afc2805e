package dev.wasiplay.web.js;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** A JavaScript function of no arguments. */
@JSFunctor
public interface Callback extends JSObject {
    void run();
}
