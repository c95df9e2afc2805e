package dev.wasiplay.cli;

/** The command line is wrong (unknown option, bad value, missing module): one line, exit code 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
