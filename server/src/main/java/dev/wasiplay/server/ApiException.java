package dev.wasiplay.server;

/**
 * Ends a request with an HTTP error status and the JSON body {@code {"error": message}}; with
 * {@code retryAfterSeconds > 0} the answer also carries {@code Retry-After} (429 rate limit, 503 busy).
 *
 * <pre>
 * throw new ApiException(503, "the run queue is full; try again in a few seconds", 5);
 * </pre>
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    public ApiException(int status, String message) {
        this(status, message, 0);
    }

    public ApiException(int status, String message, long retryAfterSeconds) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Seconds for the {@code Retry-After} header, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
