package dev.wasiplay.web;

import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import dev.wasiplay.web.js.JsValues;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.JSObject;

/**
 * A checked {@code {type: "run", wasmUrl, argv, env?, files?, stdin?, limits?}} message. Files are UTF-8 text placed
 * in a fresh {@link VirtualFileSystem} (preopened as "/" by {@link GuestRun}); stdin is the UTF-8 of the
 * string, then end of input.
 */
final class RunRequest {
    final String wasmUrl;
    final List<String> argv;
    /** Name, value, name, value, ... */
    final String[] env;
    final VirtualFileSystem files;
    final byte[] stdin;
    /** Caps from {@code limits}; Long.MAX_VALUE / 1024 descriptors where not given. */
    long maxStdoutBytes = Long.MAX_VALUE;
    long maxStderrBytes = Long.MAX_VALUE;
    long maxMemoryBytes = Long.MAX_VALUE;
    int maxOpenFiles = 1024;

    private RunRequest(String wasmUrl, List<String> argv, String[] env, VirtualFileSystem files, byte[] stdin) {
        this.wasmUrl = wasmUrl;
        this.argv = argv;
        this.env = env;
        this.files = files;
        this.stdin = stdin;
    }

    /** @throws IllegalArgumentException with a message for the page when the message is malformed */
    static RunRequest parse(JSObject data) {
        String wasmUrl = JsValues.string(data, "wasmUrl");
        if (wasmUrl == null || wasmUrl.isEmpty()) {
            throw new IllegalArgumentException("wasmUrl must be a non-empty string");
        }
        String[] argv = JsValues.stringArray(data, "argv");
        if (argv == null) {
            throw new IllegalArgumentException("argv must be an array of strings");
        }
        String[] env = optionalRecord(data, "env");
        VirtualFileSystem files = new VirtualFileSystem();
        String[] fileEntries = optionalRecord(data, "files");
        for (int i = 0; i < fileEntries.length; i += 2) {
            try {
                files.writeFile(fileEntries[i], fileEntries[i + 1].getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("files: " + e.getMessage());
            }
        }
        String stdin = "";
        if (JsValues.has(data, "stdin")) {
            stdin = JsValues.string(data, "stdin");
            if (stdin == null) {
                throw new IllegalArgumentException("stdin must be a string");
            }
        }
        RunRequest request = new RunRequest(wasmUrl, Arrays.asList(argv), env, files,
                stdin.getBytes(StandardCharsets.UTF_8));
        if (JsValues.has(data, "limits")) {
            request.readLimits(JsValues.object(data, "limits"));
        }
        return request;
    }

    /** {@code limits: {maxStdoutBytes?, maxStderrBytes?, maxMemoryBytes?, maxOpenFiles?}}, each a whole number. */
    private void readLimits(JSObject limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits must be an object");
        }
        for (String key : JsValues.keys(limits)) {
            double value = JsValues.number(limits, key);
            if (value != Math.floor(value) || value < 0 || value > 9007199254740991.0) {
                throw new IllegalArgumentException("limits." + key + " must be a whole number, 0 or more");
            }
            long whole = (long) value;
            if (key.equals("maxStdoutBytes")) {
                maxStdoutBytes = whole;
            } else if (key.equals("maxStderrBytes")) {
                maxStderrBytes = whole;
            } else if (key.equals("maxMemoryBytes")) {
                maxMemoryBytes = whole;
            } else if (key.equals("maxOpenFiles")) {
                if (whole < 4 || whole > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("limits.maxOpenFiles must be at least 4 (stdio and the preopen)");
                }
                maxOpenFiles = (int) whole;
            } else {
                throw new IllegalArgumentException("unknown limit " + key
                        + " (expected maxStdoutBytes, maxStderrBytes, maxMemoryBytes, maxOpenFiles)");
            }
        }
    }

    private static String[] optionalRecord(JSObject data, String key) {
        if (!JsValues.has(data, key)) {
            return new String[0];
        }
        String[] entries = JsValues.stringRecord(data, key);
        if (entries == null) {
            throw new IllegalArgumentException(key + " must be an object whose values are strings");
        }
        return entries;
    }
}
