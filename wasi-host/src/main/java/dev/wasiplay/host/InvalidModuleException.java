package dev.wasiplay.host;

/** The bytes given to {@link GuestModule#load} are not a wasm32-wasi command this host can run. */
public final class InvalidModuleException extends RuntimeException {

    public InvalidModuleException(String message) {
        super(message);
    }

    public InvalidModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
