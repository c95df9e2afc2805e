package dev.wasiplay.web;

import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import dev.wasiplay.web.js.JsValues;
import dev.wasiplay.web.js.StdinBindings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.JSObject;

/**
 * A checked {@code {type: "run", wasmUrl, argv, env?, files?, stdin?, stdinBuffer?, stdinUrl?}} message.
 * Files are UTF-8 text placed in a fresh {@link VirtualFileSystem} (preopened as "/" by {@link GuestRun});
 * stdin is the UTF-8 of the string, then what the user types when the page offers a channel for it
 * ({@code stdinBuffer} or {@code stdinUrl}), else end of input.
 */
final class RunRequest {
    final String wasmUrl;
    final List<String> argv;
    /** Name, value, name, value, ... */
    final String[] env;
    final VirtualFileSystem files;
    final byte[] stdin;
    /** The page's SharedArrayBuffer for interactive input, or null. */
    JSObject stdinBuffer;
    /** Where to ask for interactive input synchronously when there is no stdinBuffer, or null. */
    String stdinUrl;

    private RunRequest(String wasmUrl, List<String> argv, String[] env, VirtualFileSystem files, byte[] stdin) {
        this.wasmUrl = wasmUrl;
        this.argv = argv;
        this.env = env;
        this.files = files;
        this.stdin = stdin;
    }

    /** The channel for interactive input this message offers, or null; errors are posted to {@code stderr}. */
    StdinChannel stdinChannel(PostingSink stderr) {
        if (stdinBuffer != null) {
            return new SharedBufferStdin(stdinBuffer);
        }
        return stdinUrl != null ? new ServiceWorkerStdin(stdinUrl, stderr) : null;
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
        RunRequest request = new RunRequest(wasmUrl, Arrays.asList(argv), env, files, stdin.getBytes(StandardCharsets.UTF_8));
        parseInteractiveStdin(data, request);
        return request;
    }

    private static void parseInteractiveStdin(JSObject data, RunRequest request) {
        if (JsValues.has(data, "stdinBuffer")) {
            if (!StdinBindings.hasSharedBuffer(data)) {
                throw new IllegalArgumentException("stdinBuffer must be a SharedArrayBuffer of more than 8 bytes");
            }
            request.stdinBuffer = StdinBindings.sharedBuffer(data);
        }
        if (JsValues.has(data, "stdinUrl")) {
            String url = JsValues.string(data, "stdinUrl");
            if (url == null || url.isEmpty()) {
                throw new IllegalArgumentException("stdinUrl must be a non-empty string");
            }
            request.stdinUrl = url;
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
