package dev.wasiplay.polyfill;

/**
 * Thrown out of {@code proc_exit} (and {@code proc_raise}) to unwind the guest. Hosts catch it around
 * the call to {@code _start} and report {@link #code()} as the exit status.
 */
public final class WasiExit extends RuntimeException {
    private final int code;

    public WasiExit(int code) {
        super("exit " + code, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
