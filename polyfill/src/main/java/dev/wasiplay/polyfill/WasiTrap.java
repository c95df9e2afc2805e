package dev.wasiplay.polyfill;

/**
 * A WASI call was given a pointer or length outside the guest's memory, or a misaligned pointer: the call
 * traps, as the WASI spec asks and wasmtime does. It is thrown out of the import and ends the guest like
 * any other trap; hosts report it as {@code wasm trap: <message>}. A call that traps changes nothing: every
 * pointer is checked before any effect.
 */
public final class WasiTrap extends RuntimeException {
    public WasiTrap(String message) {
        super(message, null, false, false);
    }
}
