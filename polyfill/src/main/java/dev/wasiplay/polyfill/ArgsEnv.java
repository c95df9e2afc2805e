package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.Utf8;
import java.util.List;

/** args_get, args_sizes_get, environ_get, environ_sizes_get: NUL-terminated UTF-8 strings and pointers to them. */
final class ArgsEnv {
    private final WasiState state;
    private final byte[][] args;
    private final byte[][] env;
    private final int argsBytes;
    private final int envBytes;

    ArgsEnv(WasiState state) {
        this.state = state;
        this.args = encode(state.options.args);
        this.env = encode(state.options.env);
        this.argsBytes = totalBytes(args);
        this.envBytes = totalBytes(env);
    }

    int argsSizesGet(int countOut, int sizeOut) {
        return sizes("args_sizes_get", args.length, argsBytes, countOut, sizeOut);
    }

    int argsGet(int pointersOut, int bufferOut) {
        return strings("args_get", args, argsBytes, pointersOut, bufferOut);
    }

    int environSizesGet(int countOut, int sizeOut) {
        return sizes("environ_sizes_get", env.length, envBytes, countOut, sizeOut);
    }

    int environGet(int pointersOut, int bufferOut) {
        return strings("environ_get", env, envBytes, pointersOut, bufferOut);
    }

    private int sizes(String call, int count, int bytes, int countOut, int sizeOut) {
        Memory mem = state.mem;
        mem.begin(call);
        mem.check(countOut, 4, 4);
        mem.check(sizeOut, 4, 4);
        mem.rawPutU32(countOut, count);
        mem.rawPutU32(sizeOut, bytes);
        return Errno.SUCCESS;
    }

    private int strings(String call, byte[][] values, int total, int pointersOut, int bufferOut) {
        Memory mem = state.mem;
        mem.begin(call);
        if (values.length > 0) {
            mem.check(pointersOut, 4L * values.length, 4);
            mem.check(bufferOut, total, 1);
        }
        int cursor = bufferOut;
        for (int i = 0; i < values.length; i++) {
            mem.rawPutU32(pointersOut + 4 * i, cursor);
            mem.write(cursor, values[i], 0, values[i].length);
            mem.rawPutU8(cursor + values[i].length, 0);
            cursor += values[i].length + 1;
        }
        return Errno.SUCCESS;
    }

    private static byte[][] encode(List<String> values) {
        byte[][] out = new byte[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Utf8.encode(values.get(i));
        }
        return out;
    }

    private static int totalBytes(byte[][] values) {
        int total = 0;
        for (byte[] v : values) {
            total += v.length + 1;
        }
        return total;
    }
}
