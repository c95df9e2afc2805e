package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The shapes of the wasi_snapshot_preview1 imports as JavaScript functions. Each interface is named after
 * its wasm parameter types (i32 = int, i64 = long, which TeaVM represents as a BigInt, as wasm passes it) and
 * returns the i32 errno, except {@link Exit}.
 *
 * <p>A Java lambda becomes a real JavaScript function only when it crosses into JavaScript through a
 * parameter declared with its {@code @JSFunctor} type; through a plain {@link JSObject} parameter it would
 * arrive as a Java object. Hence one {@code function(...)} conversion per shape, each with its own name so
 * that a method reference never matches two of them.
 */
public final class WasiFunctions {
    private WasiFunctions() {
    }

    @JSFunctor
    public interface NoParams extends JSObject {
        int call();
    }

    @JSFunctor
    public interface Exit extends JSObject {
        void call(int code);
    }

    @JSFunctor
    public interface I32 extends JSObject {
        int call(int a);
    }

    @JSFunctor
    public interface I32x2 extends JSObject {
        int call(int a, int b);
    }

    @JSFunctor
    public interface I32x3 extends JSObject {
        int call(int a, int b, int c);
    }

    @JSFunctor
    public interface I32x4 extends JSObject {
        int call(int a, int b, int c, int d);
    }

    @JSFunctor
    public interface I32x5 extends JSObject {
        int call(int a, int b, int c, int d, int e);
    }

    @JSFunctor
    public interface I32x6 extends JSObject {
        int call(int a, int b, int c, int d, int e, int f);
    }

    @JSFunctor
    public interface I32x7 extends JSObject {
        int call(int a, int b, int c, int d, int e, int f, int g);
    }

    @JSFunctor
    public interface I32I64 extends JSObject {
        int call(int a, long b);
    }

    @JSFunctor
    public interface I32I64I32 extends JSObject {
        int call(int a, long b, int c);
    }

    @JSFunctor
    public interface I32I64I64 extends JSObject {
        int call(int a, long b, long c);
    }

    @JSFunctor
    public interface I32I64I32I32 extends JSObject {
        int call(int a, long b, int c, int d);
    }

    @JSFunctor
    public interface I32I64I64I32 extends JSObject {
        int call(int a, long b, long c, int d);
    }

    @JSFunctor
    public interface I32x3I64I32 extends JSObject {
        int call(int a, int b, int c, long d, int e);
    }

    @JSFunctor
    public interface I32x4I64I64I32 extends JSObject {
        int call(int a, int b, int c, int d, long e, long f, int g);
    }

    @JSFunctor
    public interface I32x5I64I64I32I32 extends JSObject {
        int call(int a, int b, int c, int d, int e, long f, long g, int h, int i);
    }

    @JSBody(params = "f", script = "return f;")
    public static native JSObject noParams(NoParams f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject exit(Exit f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32(I32 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32x2(I32x2 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32x3(I32x3 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32x4(I32x4 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32x5(I32x5 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32x6(I32x6 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32x7(I32x7 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32i64(I32I64 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32i64i32(I32I64I32 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32i64i64(I32I64I64 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32i64i32i32(I32I64I32I32 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32i64i64i32(I32I64I64I32 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32x3i64i32(I32x3I64I32 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32x4i64i64i32(I32x4I64I64I32 f);

    @JSBody(params = "f", script = "return f;")
    public static native JSObject i32x5i64i64i32i32(I32x5I64I64I32I32 f);

    /** {@code object[name] = value}. */
    @JSBody(params = { "object", "name", "value" }, script = "object[name] = value;")
    public static native void set(JSObject object, String name, JSObject value);
}
