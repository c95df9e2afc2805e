package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasiplay.polyfill.WasiClock;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import dev.wasiplay.server.store.Hashes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run starts from, and what a snippet stores: a tree of files, which file (or module) to run with
 * which arguments, environment and stdin, and the runtime. Validated by {@link WorkspaceParser}.
 *
 * @param runtime {@link #PYTHON} or {@code "module:" + sha256} of an uploaded module
 * @param files   path relative to {@code /} (no leading slash) -> content, in path order
 * @param main    python: the script, one of {@code files}; a module: its argv[0] (default {@link #DEFAULT_MODULE_MAIN})
 * @param args    the arguments after the script name (python) or argv[0] (a module)
 * @param env     environment variables, in name order
 * @param stdin   everything the program reads from standard input
 */
record Workspace(String runtime, SortedMap<String, byte[]> files, String main, List<String> args,
        SortedMap<String, String> env, String stdin) {

    static final String PYTHON = "python-3.12";
    static final String MODULE_PREFIX = "module:";
    static final String DEFAULT_MODULE_MAIN = "module.wasm";
    /** Characters of a snippet id: 12 base64url characters = the first 72 bits of the SHA-256. */
    static final int ID_LENGTH = 12;

    Workspace {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        env = Collections.unmodifiableSortedMap(new TreeMap<>(env));
        args = List.copyOf(args);
    }

    boolean isPython() {
        return runtime.equals(PYTHON);
    }

    /** The uploaded module's SHA-256 for a {@code module:} runtime, else null. */
    String moduleSha256() {
        return runtime.startsWith(MODULE_PREFIX) ? runtime.substring(MODULE_PREFIX.length()) : null;
    }

    /** argv, argv[0] included: {@code python /main args...} or {@code main args...} for a module. */
    List<String> argv() {
        List<String> argv = new ArrayList<>();
        if (isPython()) {
            argv.add("python");
            argv.add("/" + main);
        } else {
            argv.add(main);
        }
        argv.addAll(args);
        return argv;
    }

    /** The snippet JSON, every field present: {@code {"runtime", "files", "main", "args", "env", "stdin"}}. */
    ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("runtime", runtime);
        ObjectNode fileNodes = root.putObject("files");
        files.forEach((path, content) -> fileNodes.set(path, FileContent.toJson(content)));
        root.put("main", main);
        ArrayNode argNodes = root.putArray("args");
        args.forEach(argNodes::add);
        ObjectNode envNodes = root.putObject("env");
        env.forEach(envNodes::put);
        root.put("stdin", stdin);
        return root;
    }

    /** {@link #toJson()} in canonical form (RFC 8785): what is stored, and what the id is a hash of. */
    String canonicalJson() {
        return CanonicalJson.write(toJson());
    }

    /** The snippet id: base64url of the first 9 bytes of the SHA-256 of {@link #canonicalJson()}. */
    String id() {
        return idOf(canonicalJson());
    }

    static String idOf(String canonicalJson) {
        byte[] hash = Hashes.sha256(canonicalJson.getBytes(UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, ID_LENGTH * 6 / 8));
    }

    /** True for a string that has the form of a snippet id (it may still name no snippet). */
    static boolean looksLikeId(String value) {
        if (value.length() != ID_LENGTH) {
            return false;
        }
        for (char c : value.toCharArray()) {
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /**
     * The filesystem image of the workspace: its files (and the directories they are in) as a ustar archive,
     * the format both engines start a run from (the polyfill's {@link TarImage}). The tree is built on a clock
     * stopped at the epoch, so every entry's mtime is 0 and the same workspace always gives the same bytes.
     */
    byte[] image() {
        VirtualFileSystem fs = new VirtualFileSystem(EPOCH, 1, VirtualFileSystem.MAX_FILE_SIZE);
        files.forEach(fs::writeFile);
        return TarImage.create(fs);
    }

    /** {@link #image()}, or a 400 saying why the workspace has none. */
    byte[] imageOrBadRequest() {
        try {
            return image();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("the workspace has no filesystem image: " + e.getMessage());
        }
    }

    /** A clock that always says 1970-01-01T00:00:00Z; only the image's tree reads it. */
    private static final WasiClock EPOCH = new WasiClock() {
        @Override
        public long realtimeNanos() {
            return 0;
        }

        @Override
        public long monotonicNanos() {
            return 0;
        }

        @Override
        public void sleepNanos(long nanos) {
            throw new UnsupportedOperationException("the image clock does not run");
        }
    };
}
