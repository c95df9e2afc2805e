package dev.wasiplay.host;

import dev.wasiplay.polyfill.LimitExceeded;

/** How a run ended, in one word; {@link #label()} is the form used in JSON and by the CLI. */
public enum RunStatus {
    /** The guest ended by itself: {@code _start} returned or it called proc_exit, whatever the exit code. */
    OK("ok"),
    /** The run passed its wall-clock limit and was stopped. */
    TIMEOUT("timeout"),
    /** The guest tried to grow its linear memory past the cap (or the host ran out of heap). */
    MEMORY("memory"),
    /** The guest wrote more to stdout or stderr than the cap allows; it was stopped at that write. */
    OUTPUT_LIMIT("output-limit"),
    /** The guest trapped: unreachable, out-of-bounds access, division by zero, call stack exhausted, ... */
    TRAP("trap"),
    /** The host failed or the run was interrupted from outside (not by its time limit). */
    ERROR("error");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    /** "ok", "timeout", "memory", "output-limit", "trap" or "error". */
    public String label() {
        return label;
    }

    /** The status of a {@link LimitExceeded} thrown by the polyfill. */
    static RunStatus of(LimitExceeded limit) {
        return LimitExceeded.MEMORY.equals(limit.status()) ? MEMORY : OUTPUT_LIMIT;
    }
}
