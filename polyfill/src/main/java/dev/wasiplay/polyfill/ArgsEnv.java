package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.Utf8;
import java.util.List;

/** args_get, args_sizes_get, environ_get, environ_sizes_get: NUL-terminated UTF-8 strings and pointers to them. */
final class ArgsEnv {
    private final WasiState state;
    private final byte[][] args;
    private final byte[][] env;

    ArgsEnv(WasiState state) {
        this.state = state;
        this.args = encode(state.options.args);
        this.env = encode(state.options.env);
    }

    int argsSizesGet(int countOut, int sizeOut) {
        return sizes(args, countOut, sizeOut);
    }

    int argsGet(int pointersOut, int bufferOut) {
        return strings(args, pointersOut, bufferOut);
    }

    int environSizesGet(int countOut, int sizeOut) {
        return sizes(env, countOut, sizeOut);
    }

    int environGet(int pointersOut, int bufferOut) {
        return strings(env, pointersOut, bufferOut);
    }

    private int sizes(byte[][] values, int countOut, int sizeOut) {
        Memory mem = state.mem;
        try {
            mem.begin();
            int total = 0;
            for (byte[] v : values) {
                total += v.length + 1;
            }
            mem.putI32(countOut, values.length);
            mem.putI32(sizeOut, total);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    private int strings(byte[][] values, int pointersOut, int bufferOut) {
        Memory mem = state.mem;
        try {
            mem.begin();
            int cursor = bufferOut;
            for (int i = 0; i < values.length; i++) {
                mem.putI32(pointersOut + 4 * i, cursor);
                mem.write(cursor, values[i], 0, values[i].length);
                mem.putU8(cursor + values[i].length, 0);
                cursor += values[i].length + 1;
            }
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    private static byte[][] encode(List<String> values) {
        byte[][] out = new byte[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Utf8.encode(values.get(i));
        }
        return out;
    }
}
