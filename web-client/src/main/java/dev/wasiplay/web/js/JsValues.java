package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** Typed reads of properties of untrusted JavaScript values (messages from the page). */
public final class JsValues {
    private JsValues() {
    }

    /** {@code object[key]} if it is a string, else null (also when {@code object} is not an object). */
    @JSBody(params = { "object", "key" }, script = ""
            + "const v = object == null ? undefined : object[key];"
            + "return typeof v === 'string' ? v : null;")
    public static native String string(JSObject object, String key);

    /** {@code object[key]} if it is a number, else NaN. */
    @JSBody(params = { "object", "key" }, script = ""
            + "const v = object == null ? undefined : object[key];"
            + "return typeof v === 'number' ? v : NaN;")
    public static native double number(JSObject object, String key);

    /** {@code object[key]} if it is a plain object (not an array), else null. */
    @JSBody(params = { "object", "key" }, script = ""
            + "const v = object == null ? undefined : object[key];"
            + "return v != null && typeof v === 'object' && !Array.isArray(v) ? v : null;")
    public static native JSObject object(JSObject object, String key);

    /** The own enumerable property names of {@code object}. */
    @JSBody(params = "object", script = "return Object.keys(object);")
    public static native String[] keys(JSObject object);

    /** Whether {@code object[key]} is neither undefined nor null. */
    @JSBody(params = { "object", "key" }, script = "return object != null && object[key] != null;")
    public static native boolean has(JSObject object, String key);

    /** {@code object[key]} if it is an array of strings, else null. */
    @JSBody(params = { "object", "key" }, script = ""
            + "const v = object == null ? undefined : object[key];"
            + "return Array.isArray(v) && v.every(s => typeof s === 'string') ? v : null;")
    public static native String[] stringArray(JSObject object, String key);

    /**
     * The entries of {@code object[key]} flattened to [name0, value0, name1, value1, ...] if it is a plain
     * object whose values are all strings, else null.
     */
    @JSBody(params = { "object", "key" }, script = ""
            + "const v = object == null ? undefined : object[key];"
            + "if (v == null || typeof v !== 'object' || Array.isArray(v)) return null;"
            + "const entries = Object.entries(v);"
            + "return entries.every(e => typeof e[1] === 'string') ? entries.flat() : null;")
    public static native String[] stringRecord(JSObject object, String key);

    /** {@code object[key]} if it is an ArrayBuffer, else null. */
    @JSBody(params = { "object", "key" }, script = ""
            + "const v = object == null ? undefined : object[key];"
            + "return v instanceof ArrayBuffer ? v : null;")
    public static native ArrayBuffer arrayBuffer(JSObject object, String key);

    /**
     * A short description of a thrown value or rejection reason: "TypeError: Failed to fetch" for a specific
     * error type, just the message for a plain Error.
     */
    @JSBody(params = "reason", script = ""
            + "if (!(reason instanceof Error)) return String(reason);"
            + "return reason.name === 'Error' ? reason.message : reason.name + ': ' + reason.message;")
    public static native String describe(JSObject reason);

    /** The message of a thrown value: an Error's message, else its string form; never empty. */
    @JSBody(params = "thrown", script = ""
            + "const m = thrown instanceof Error ? thrown.message : String(thrown);"
            + "return m ? m : (thrown instanceof Error ? thrown.name : 'unknown error');")
    public static native String message(JSObject thrown);
}
