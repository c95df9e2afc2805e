package dev.wasiplay.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a {@code POST /api/run} body into a {@link RunRequest}, or explains what is wrong with it. */
final class RunRequestParser {

    private static final Set<String> FIELDS = Set.of("files", "main", "args", "stdin");

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    RunRequest parse(byte[] body) {
        JsonNode root = readJson(body);
        if (!root.isObject()) {
            throw new BadRequestException("the request body must be a JSON object like "
                    + "{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"main.py\"}");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw new BadRequestException("unknown field \"" + field.getKey() + "\"; expected files, main, args, stdin");
            }
        }
        Map<String, String> files = files(root.get("files"));
        String main = main(root.get("main"), files);
        return new RunRequest(files, main, args(root.get("args")), stdin(root.get("stdin")));
    }

    private JsonNode readJson(byte[] body) {
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

    private static Map<String, String> files(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new BadRequestException("\"files\" is missing; send {\"files\": {\"main.py\": \"...\"}, ...}");
        }
        if (!node.isObject()) {
            throw new BadRequestException("\"files\" must be an object mapping file paths to their text");
        }
        if (node.isEmpty()) {
            throw new BadRequestException("\"files\" is empty; it must hold at least the main file");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String path = GuestPaths.normalize(entry.getKey(), "file path");
            if (!entry.getValue().isTextual()) {
                throw new BadRequestException("the content of file " + GuestPaths.quote(entry.getKey())
                        + " must be a string, not " + typeName(entry.getValue()));
            }
            if (files.put(path, entry.getValue().textValue()) != null) {
                throw new BadRequestException("file " + GuestPaths.quote("/" + path) + " is given twice");
            }
        }
        GuestPaths.rejectFileDirectoryClashes(files.keySet());
        return files;
    }

    private static String main(JsonNode node, Map<String, String> files) {
        if (node == null || node.isNull()) {
            throw new BadRequestException("\"main\" is missing; name the file to run, e.g. \"main.py\"");
        }
        if (!node.isTextual()) {
            throw new BadRequestException("\"main\" must be a string naming one of the files, not " + typeName(node));
        }
        String main = GuestPaths.normalize(node.textValue(), "\"main\"");
        if (!files.containsKey(main)) {
            throw new BadRequestException("\"main\" is " + GuestPaths.quote(node.textValue())
                    + ", which is not among the files " + files.keySet());
        }
        return main;
    }

    private static List<String> args(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequestException("\"args\" must be a list of strings, not " + typeName(node));
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode arg = node.get(i);
            if (!arg.isTextual()) {
                throw new BadRequestException("\"args\" must be a list of strings, but args[" + i + "] is "
                        + typeName(arg));
            }
            if (arg.textValue().indexOf('\0') >= 0) {
                throw new BadRequestException("args[" + i + "] contains a NUL character");
            }
            args.add(arg.textValue());
        }
        return List.copyOf(args);
    }

    private static String stdin(JsonNode node) {
        if (node == null) {
            return "";
        }
        if (!node.isTextual()) {
            throw new BadRequestException("\"stdin\" must be a string, not " + typeName(node));
        }
        return node.textValue();
    }

    private static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
            case BINARY, MISSING -> "missing";
        };
    }
}
