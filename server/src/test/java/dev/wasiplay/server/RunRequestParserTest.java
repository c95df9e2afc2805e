package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunRequestParserTest {

    private final RunRequestParser parser = new RunRequestParser();

    private RunRequest parse(String json) {
        return parser.parse(json.getBytes(UTF_8));
    }

    private String errorOf(String json) {
        return assertThrows(BadRequestException.class, () -> parse(json)).getMessage();
    }

    @Test
    void readsAFullRequest() {
        RunRequest request = parse("""
                {"files": {"/main.py": "print(1)", "lib/util.py": ""}, "main": "main.py",
                 "args": ["-v", ""], "stdin": "in"}""");

        assertEquals(Map.of("main.py", "print(1)", "lib/util.py", ""), request.files());
        assertEquals("main.py", request.main());
        assertEquals(List.of("-v", ""), request.args());
        assertEquals("in", request.stdin());
        assertEquals(List.of("python", "/main.py", "-v", ""), request.argv());
    }

    @Test
    void defaultsToNoArgsAndEmptyStdin() {
        RunRequest request = parse("{\"files\": {\"a/b.py\": \"\"}, \"main\": \"/a/b.py\"}");

        assertEquals(List.of("python", "/a/b.py"), request.argv());
        assertEquals("", request.stdin());
    }

    @ParameterizedTest
    @CsvSource({
        "main.py, main.py",
        "/main.py, main.py",
        "a/b/c.py, a/b/c.py",
        "/a/b/c.py, a/b/c.py",
        "...py, ...py",
        "a..b, a..b",
    })
    void acceptsRelativePathsAndOneLeadingSlash(String raw, String normalized) {
        assertEquals(normalized, GuestPaths.normalize(raw, "path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "//main.py", "///x", "../x", "a/../x", "a/..", "..", "./x", "a/./x", "a//b", "a/",
        "/", "a\0b"})
    void rejectsOtherPaths(String raw) {
        assertThrows(BadRequestException.class, () -> GuestPaths.normalize(raw, "path"));
    }

    @Test
    void explainsEachProblem() {
        assertEquals("the request body is empty; send a JSON object", errorOf(""));
        assertEquals("\"files\" is missing; send {\"files\": {\"main.py\": \"...\"}, ...}",
                errorOf("{\"main\": \"main.py\"}"));
        assertEquals("\"files\" is empty; it must hold at least the main file", errorOf("{\"files\": {}}"));
        assertEquals("\"main\" is missing; name the file to run, e.g. \"main.py\"",
                errorOf("{\"files\": {\"main.py\": \"\"}}"));
        assertEquals("file path \"a\\u0000b\" contains a NUL character",
                errorOf("{\"files\": {\"a\\u0000b\": \"\"}, \"main\": \"a\"}"));
        assertEquals("file path \"//etc/passwd\" must be relative (\"main.py\") or start with a single \"/\" "
                + "(\"/main.py\")", errorOf("{\"files\": {\"//etc/passwd\": \"\"}, \"main\": \"x\"}"));
        assertEquals("\"stdin\" must be a string, not a boolean",
                errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"stdin\": true}"));
        assertEquals("\"args\" must be a list of strings, not an object",
                errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"args\": {}}"));
        assertEquals("args[0] contains a NUL character",
                errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"args\": [\"a\\u0000\"]}"));
        assertEquals("unknown field \"env\"; expected files, main, args, stdin",
                errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"env\": {}}"));
        assertEquals("file \"/m.py\" is given twice", errorOf("{\"files\": {\"m.py\": \"\", \"/m.py\": \"\"}, \"main\": \"m.py\"}"));
        assertEquals("\"/lib\" is given as a file but is also the directory of \"/lib/x.py\"",
                errorOf("{\"files\": {\"lib\": \"\", \"lib/x.py\": \"\"}, \"main\": \"lib\"}"));
        assertEquals("the request body must be a JSON object like {\"files\": {\"main.py\": \"print(1)\"}, "
                + "\"main\": \"main.py\"}", errorOf("\"print(1)\""));
    }

    @Test
    void rejectsDuplicateJsonKeys() {
        String message = errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"main\": \"m.py\"}");
        assertEquals(true, message.startsWith("the request body is not valid JSON: Duplicate field 'main'"), message);
    }
}
