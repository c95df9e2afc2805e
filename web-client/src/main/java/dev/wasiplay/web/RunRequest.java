package dev.wasiplay.web;

import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import dev.wasiplay.web.js.JsValues;
import dev.wasiplay.web.js.WasmModule;
import dev.wasiplay.web.js.WebAssembly;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.JSObject;

/**
 * A checked {@code {type: "run", wasmUrl | module, argv, env?, files?, stdin?}} message. A {@code module} (a
 * compiled {@code WebAssembly.Module} from the page) is run as it is; {@code wasmUrl} then only names it. Files are UTF-8 text placed
 * in a fresh {@link VirtualFileSystem} (preopened as "/" by {@link GuestRun}); stdin is the UTF-8 of the
 * string, then end of input.
 */
final class RunRequest {
    /** Names the module in messages; also where to fetch it from when {@link #module} is null. */
    final String wasmUrl;
    /** The module the page compiled and posted, or null. */
    final WasmModule module;
    final List<String> argv;
    /** Name, value, name, value, ... */
    final String[] env;
    final VirtualFileSystem files;
    final byte[] stdin;

    private RunRequest(String wasmUrl, WasmModule module, List<String> argv, String[] env, VirtualFileSystem files,
            byte[] stdin) {
        this.wasmUrl = wasmUrl;
        this.module = module;
        this.argv = argv;
        this.env = env;
        this.files = files;
        this.stdin = stdin;
    }

    /** @throws IllegalArgumentException with a message for the page when the message is malformed */
    static RunRequest parse(JSObject data) {
        WasmModule module = null;
        if (JsValues.has(data, "module")) {
            module = WebAssembly.moduleAt(data, "module");
            if (module == null) {
                throw new IllegalArgumentException("module must be a WebAssembly.Module");
            }
        }
        String wasmUrl = JsValues.string(data, "wasmUrl");
        if (module != null && !JsValues.has(data, "wasmUrl")) {
            wasmUrl = "the posted module";
        } else if (wasmUrl == null || wasmUrl.isEmpty()) {
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
                files.writeFile(fileEntries[i], Utf8.encode(fileEntries[i + 1]));
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
        return new RunRequest(wasmUrl, module, Arrays.asList(argv), env, files, Utf8.encode(stdin));
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
