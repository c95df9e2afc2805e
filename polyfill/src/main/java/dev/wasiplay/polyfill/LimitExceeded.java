package dev.wasiplay.polyfill;

/**
 * Thrown out of a WASI call (or a host hook such as memory growth) when the guest passes one of its run's
 * limits. It unwinds the guest like {@link WasiExit} does; hosts catch it around {@code _start} and end the
 * run with {@link #status()} ("memory", "output-limit") and {@link #getMessage()} as the reason.
 */
public final class LimitExceeded extends RuntimeException {
    /** The run status for output past a stream's byte cap. */
    public static final String OUTPUT_LIMIT = "output-limit";
    /** The run status for linear memory past its cap. */
    public static final String MEMORY = "memory";

    private final String status;

    public LimitExceeded(String status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The run status this ends the run with: {@link #OUTPUT_LIMIT} or {@link #MEMORY}. */
    public String status() {
        return status;
    }

    /** The first LimitExceeded in {@code failure}'s cause chain (engines may wrap it), or null. */
    public static LimitExceeded in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LimitExceeded) {
                return (LimitExceeded) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
