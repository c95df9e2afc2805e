package dev.wasiplay.server;

/** A request the client got wrong; answered with its HTTP status and {@code {"error": message}}. */
final class BadRequestException extends RuntimeException {

    private final int status;

    BadRequestException(String message) {
        this(400, message);
    }

    BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
