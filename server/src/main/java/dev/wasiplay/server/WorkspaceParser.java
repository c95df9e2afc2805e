package dev.wasiplay.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns the JSON of a run request or a snippet into a {@link Workspace}, or explains (as a 400) what is
 * wrong with it. Both have the same shape:
 * {@code {"runtime", "files", "main", "args", "env", "stdin"}}; see the server README.
 */
final class WorkspaceParser {

    private static final Set<String> FIELDS = Set.of("runtime", "files", "main", "args", "env", "stdin");
    private static final String EXAMPLE = "{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"main.py\"}";

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    Workspace parse(byte[] body) {
        return parse(readJson(body));
    }

    Workspace parse(JsonNode root) {
        if (!root.isObject()) {
            throw new BadRequestException("the request body must be a JSON object like " + EXAMPLE);
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw new BadRequestException("unknown field " + GuestPaths.quote(field.getKey())
                        + "; expected runtime, files, main, args, env, stdin");
            }
        }
        String runtime = runtime(root.get("runtime"));
        boolean python = runtime.equals(Workspace.PYTHON);
        SortedMap<String, byte[]> files = files(root.get("files"), python);
        String main = python ? pythonMain(root.get("main"), files) : moduleMain(root.get("main"));
        return new Workspace(runtime, files, main, args(root.get("args")), env(root.get("env")),
                stdin(root.get("stdin")));
    }

    /** The body as JSON, or a 400 saying why it is not. */
    JsonNode readJson(byte[] body) {
        if (body.length == 0) {
            throw new BadRequestException("the request body is empty; send a JSON object");
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new BadRequestException("the request body is empty; send a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("the request body could not be read: " + e.getMessage());
        }
    }

    private static String runtime(JsonNode node) {
        if (node == null || node.isNull()) {
            return Workspace.PYTHON;
        }
        if (node.isTextual()) {
            String runtime = node.textValue();
            if (runtime.equals(Workspace.PYTHON)) {
                return runtime;
            }
            if (runtime.startsWith(Workspace.MODULE_PREFIX) && isSha256(runtime.substring(Workspace.MODULE_PREFIX.length()))) {
                return runtime;
            }
        }
        throw new BadRequestException("\"runtime\" must be \"" + Workspace.PYTHON + "\" or \"module:<sha256>\" "
                + "(64 lowercase hex digits, as POST /api/modules answers), not "
                + (node.isTextual() ? GuestPaths.quote(node.textValue()) : JsonTypes.describe(node)));
    }

    static boolean isSha256(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (char c : value.toCharArray()) {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static SortedMap<String, byte[]> files(JsonNode node, boolean required) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (node == null || node.isNull()) {
            if (required) {
                throw new BadRequestException("\"files\" is missing; send {\"files\": {\"main.py\": \"...\"}, ...}");
            }
            return files;
        }
        if (!node.isObject()) {
            throw new BadRequestException("\"files\" must be an object mapping file paths to their content");
        }
        if (node.isEmpty() && required) {
            throw new BadRequestException("\"files\" is empty; it must hold at least the main file");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            FileContent.requireWellFormed(entry.getKey(), "file path " + GuestPaths.quote(entry.getKey()));
            String path = GuestPaths.normalize(entry.getKey(), "file path");
            byte[] content = FileContent.fromJson(entry.getValue(), entry.getKey());
            if (files.put(path, content) != null) {
                throw new BadRequestException("file " + GuestPaths.quote("/" + path) + " is given twice");
            }
        }
        GuestPaths.rejectFileDirectoryClashes(files.keySet());
        return files;
    }

    private static String pythonMain(JsonNode node, Map<String, byte[]> files) {
        if (node == null || node.isNull()) {
            throw new BadRequestException("\"main\" is missing; name the file to run, e.g. \"main.py\"");
        }
        if (!node.isTextual()) {
            throw new BadRequestException("\"main\" must be a string naming one of the files, not "
                    + JsonTypes.describe(node));
        }
        String main = GuestPaths.normalize(node.textValue(), "\"main\"");
        if (!files.containsKey(main)) {
            throw new BadRequestException("\"main\" is " + GuestPaths.quote(node.textValue())
                    + ", which is not among the files " + files.keySet());
        }
        return main;
    }

    /** A module's main is its argv[0]: any non-empty string without NUL. */
    private static String moduleMain(JsonNode node) {
        if (node == null || node.isNull()) {
            return Workspace.DEFAULT_MODULE_MAIN;
        }
        if (!node.isTextual() || node.textValue().isEmpty()) {
            throw new BadRequestException("\"main\" of a module run is its program name (argv[0]), a non-empty "
                    + "string, not " + (node.isTextual() ? "\"\"" : JsonTypes.describe(node)));
        }
        return plainString(node.textValue(), "\"main\"");
    }

    private static List<String> args(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequestException("\"args\" must be a list of strings, not " + JsonTypes.describe(node));
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode arg = node.get(i);
            if (!arg.isTextual()) {
                throw new BadRequestException("\"args\" must be a list of strings, but args[" + i + "] is "
                        + JsonTypes.describe(arg));
            }
            args.add(plainString(arg.textValue(), "args[" + i + "]"));
        }
        return args;
    }

    private static SortedMap<String, String> env(JsonNode node) {
        SortedMap<String, String> env = new TreeMap<>();
        if (node == null) {
            return env;
        }
        if (!node.isObject()) {
            throw new BadRequestException("\"env\" must be an object mapping variable names to values, not "
                    + JsonTypes.describe(node));
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new BadRequestException("environment variable name " + GuestPaths.quote(name)
                        + " must be non-empty and without \"=\"");
            }
            plainString(name, "environment variable name " + GuestPaths.quote(name));
            if (!entry.getValue().isTextual()) {
                throw new BadRequestException("the value of environment variable " + GuestPaths.quote(name)
                        + " must be a string, not " + JsonTypes.describe(entry.getValue()));
            }
            env.put(name, plainString(entry.getValue().textValue(), "environment variable " + GuestPaths.quote(name)));
        }
        return env;
    }

    private static String stdin(JsonNode node) {
        if (node == null) {
            return "";
        }
        if (!node.isTextual()) {
            throw new BadRequestException("\"stdin\" must be a string, not " + JsonTypes.describe(node));
        }
        FileContent.requireWellFormed(node.textValue(), "\"stdin\"");
        return node.textValue();
    }

    /** A string passed to the guest as a C string: well-formed and without NUL. */
    private static String plainString(String value, String what) {
        if (value.indexOf('\0') >= 0) {
            throw new BadRequestException(what + " contains a NUL character");
        }
        FileContent.requireWellFormed(value, what);
        return value;
    }
}
