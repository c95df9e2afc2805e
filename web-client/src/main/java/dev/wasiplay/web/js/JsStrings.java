package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;

/** String operations done by the JavaScript engine rather than by TeaVM's class library. */
public final class JsStrings {
    private JsStrings() {
    }

    /**
     * {@code a + b} in JavaScript: constant time (a rope). TeaVM's String.concat copies both strings char by
     * char, which made joining thousands of writes quadratic.
     */
    @JSBody(params = { "a", "b" }, script = "return a + b;")
    public static native String concat(String a, String b);
}
