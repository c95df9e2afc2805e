package dev.wasiplay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How a file's bytes appear in JSON: a string when they are valid UTF-8, else {@code {"base64": "..."}}
 * (standard alphabet, with padding). Requests may use either form for any content; answers and snippet
 * ids always use the text form when it applies, so the same bytes are always written the same way.
 */
final class FileContent {

    private FileContent() {}

    static JsonNode toJson(byte[] bytes) {
        Optional<String> text = utf8(bytes);
        if (text.isPresent()) {
            return JsonNodeFactory.instance.textNode(text.get());
        }
        ObjectNode binary = JsonNodeFactory.instance.objectNode();
        binary.put("base64", Base64.getEncoder().encodeToString(bytes));
        return binary;
    }

    /** The bytes a JSON file content stands for; {@code path} is for the error message. */
    static byte[] fromJson(JsonNode node, String path) {
        if (node.isTextual()) {
            requireWellFormed(node.textValue(), "the content of file " + GuestPaths.quote(path));
            return node.textValue().getBytes(StandardCharsets.UTF_8);
        }
        if (node.isObject() && node.size() == 1 && node.has("base64")) {
            JsonNode base64 = node.get("base64");
            if (!base64.isTextual()) {
                throw new BadRequestException("\"base64\" of file " + GuestPaths.quote(path) + " must be a string");
            }
            try {
                return Base64.getDecoder().decode(base64.textValue());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("\"base64\" of file " + GuestPaths.quote(path)
                        + " is not valid base64 (standard alphabet, with padding): " + e.getMessage());
            }
        }
        throw new BadRequestException("the content of file " + GuestPaths.quote(path) + " must be a string or "
                + "{\"base64\": \"...\"}, not " + JsonTypes.describe(node));
    }

    /** The text the bytes encode, when they are valid UTF-8. */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Rejects a string holding half of a surrogate pair (JSON allows {@code "\ud800"}): it has no UTF-8
     * form, so it would silently become {@code ?}.
     */
    static void requireWellFormed(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new BadRequestException(what + " contains an unpaired UTF-16 surrogate (\\u"
                        + Integer.toHexString(c) + "), which is not text; send binary file content as "
                        + "{\"base64\": \"...\"}");
            }
        }
    }
}
