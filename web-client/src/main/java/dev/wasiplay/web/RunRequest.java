package dev.wasiplay.web;

import dev.wasiplay.polyfill.DeterministicMode;
import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import dev.wasiplay.web.js.JsValues;
import dev.wasiplay.web.js.TypedArrays;
import dev.wasiplay.web.js.WasmModule;
import dev.wasiplay.web.js.WebAssembly;
import dev.wasiplay.web.js.StdinBindings;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * A checked {@code {type: "run", wasmUrl | module, argv, env?, image?, files?, preopens?, stdin?, limits?,
 * deterministic?}}
 * message. A {@code module} (a compiled {@code WebAssembly.Module} from the page) is run as it is; {@code wasmUrl}
 * then only names it. A fresh {@link VirtualFileSystem} gets the image (a {@link TarImage}) extracted, then the
 * files (UTF-8 text) written; {@link GuestRun} preopens the directories named by preopens (default "/"), which
 * are created if missing. stdin is the UTF-8 of the string, then end of input; limits cap output, memory and
 * descriptors. After the stdin string come what the user types when the page offers a channel for it
 * ({@code stdinBuffer: SharedArrayBuffer} or {@code stdinUrl}), else end of input. {@code deterministic: {seed?}}
 * turns on the polyfill's deterministic mode (virtual clock, seeded random_get, settled tree).
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
    /** Guest-visible preopen names, in fd order, and their directories. */
    final String[] preopens;
    final DirNode[] preopenDirs;
    final byte[] stdin;
    /** Caps from {@code limits}; Long.MAX_VALUE / 1024 descriptors where not given. */
    long maxStdoutBytes = Long.MAX_VALUE;
    long maxStderrBytes = Long.MAX_VALUE;
    long maxMemoryBytes = Long.MAX_VALUE;
    int maxOpenFiles = 1024;
    /** The page's SharedArrayBuffer for interactive input, or null. */
    JSObject stdinBuffer;
    /** Where to ask for interactive input synchronously when there is no stdinBuffer, or null. */
    String stdinUrl;
    /** {@code deterministic: {seed?}} was given: the polyfill's deterministic mode with {@link #seed}. */
    boolean deterministic;
    long seed = DeterministicMode.DEFAULT_SEED;

    private RunRequest(String wasmUrl, WasmModule module, List<String> argv, String[] env, VirtualFileSystem files,
            String[] preopens, DirNode[] preopenDirs, byte[] stdin) {
        this.wasmUrl = wasmUrl;
        this.module = module;
        this.argv = argv;
        this.env = env;
        this.files = files;
        this.preopens = preopens;
        this.preopenDirs = preopenDirs;
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
        if (JsValues.has(data, "image")) {
            ArrayBuffer image = JsValues.arrayBuffer(data, "image");
            if (image == null) {
                throw new IllegalArgumentException("image must be an ArrayBuffer holding a tar image");
            }
            try {
                TarImage.extract(TypedArrays.toJava(image), files);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("image: " + e.getMessage());
            }
        }
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
        String[] preopens = {"/"};
        if (JsValues.has(data, "preopens")) {
            preopens = JsValues.stringArray(data, "preopens");
            if (preopens == null || preopens.length == 0) {
                throw new IllegalArgumentException("preopens must be a non-empty array of strings");
            }
        }
        DirNode[] preopenDirs = new DirNode[preopens.length];
        for (int i = 0; i < preopens.length; i++) {
            preopenDirs[i] = preopenDirectory(files, preopens[i]);
        }
        RunRequest request = new RunRequest(wasmUrl, module, Arrays.asList(argv), env, files, preopens, preopenDirs,
                Utf8.encode(stdin));
        if (JsValues.has(data, "limits")) {
            request.readLimits(JsValues.object(data, "limits"));
        }
        parseInteractiveStdin(data, request);
        if (JsValues.has(data, "deterministic")) {
            request.readDeterministic(JsValues.object(data, "deterministic"));
        }
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

    /** {@code deterministic: {seed?}}: seed a whole number from 0 to 2^53-1, default {@link DeterministicMode#DEFAULT_SEED}. */
    private void readDeterministic(JSObject settings) {
        if (settings == null) {
            throw new IllegalArgumentException("deterministic must be an object: {seed?: number}");
        }
        for (String key : JsValues.keys(settings)) {
            if (!key.equals("seed")) {
                throw new IllegalArgumentException("unknown deterministic setting " + key + " (expected seed)");
            }
            double value = JsValues.number(settings, "seed");
            if (value != Math.floor(value) || value < 0 || value > (double) DeterministicMode.MAX_SEED) {
                throw new IllegalArgumentException("deterministic.seed must be a whole number from 0 to "
                        + DeterministicMode.MAX_SEED);
            }
            seed = (long) value;
        }
        deterministic = true;
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

    /**
     * The directory a preopen name denotes, created if missing: the name read from the root of the tree, as
     * wasi-host reads it ("/" and "." the root, "data" and "/data" the same directory); the guest sees the name
     * as given. Empty names and ".." are refused.
     */
    private static DirNode preopenDirectory(VirtualFileSystem fs, String path) {
        boolean dotDot = path.equals("..") || path.startsWith("../") || path.endsWith("/..") || path.indexOf("/../") >= 0;
        if (path.isEmpty() || dotDot || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("preopens: \"" + path + "\" is empty or has \"..\" or NUL in it");
        }
        Node node = fs.lookup(path);
        if (node == null) {
            return fs.mkdirs(path);
        }
        if (!(node instanceof DirNode)) {
            throw new IllegalArgumentException("preopens: " + path + " is not a directory");
        }
        return (DirNode) node;
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
