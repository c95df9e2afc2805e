package dev.wasiplay.cli;

import java.util.Locale;

/** Where {@code wasiplay run} runs the module. */
enum Engine {
    /** On the JVM, through wasi-host (Chicory's interpreter). */
    CHICORY,
    /** In headless Chromium, through the TeaVM-compiled polyfill in a Web Worker. */
    BROWSER,
    /** Both, with the same inputs; their results are compared. */
    BOTH;

    static Engine parse(String value) throws UsageException {
        for (Engine engine : values()) {
            if (engine.name().toLowerCase(Locale.ROOT).equals(value)) {
                return engine;
            }
        }
        throw new UsageException("--engine must be chicory, browser or both, not \"" + value + "\"");
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
