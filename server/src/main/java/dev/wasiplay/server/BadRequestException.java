package dev.wasiplay.server;

/** A request the client got wrong: 400 (or the given 4xx status) with {@code {"error": message}}. */
final class BadRequestException extends ApiException {

    BadRequestException(String message) {
        this(400, message);
    }

    BadRequestException(int status, String message) {
        super(status, message);
    }
}
