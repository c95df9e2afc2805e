package dev.wasiplay.server;

import com.fasterxml.jackson.databind.JsonNode;

/** Names of JSON value types for error messages: "a list", "an object", "a number", ... */
final class JsonTypes {

    private JsonTypes() {}

    static String describe(JsonNode node) {
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
