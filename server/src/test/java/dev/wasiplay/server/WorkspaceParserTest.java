package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceParserTest {

    private static final String MODULE = "module:" + "ab".repeat(32);

    private final WorkspaceParser parser = new WorkspaceParser();

    private Workspace parse(String json) {
        return parser.parse(json.getBytes(UTF_8));
    }

    private String errorOf(String json) {
        return assertThrows(BadRequestException.class, () -> parse(json)).getMessage();
    }

    @Test
    void readsAFullPythonWorkspace() {
        Workspace workspace = parse("""
                {"runtime": "python-3.12", "files": {"/main.py": "print(1)", "lib/util.py": "",
                 "data.bin": {"base64": "AP8="}}, "main": "main.py", "args": ["-v", ""],
                 "env": {"B": "2", "A": "1"}, "stdin": "in"}""");

        assertEquals(List.of("data.bin", "lib/util.py", "main.py"), List.copyOf(workspace.files().keySet()));
        assertArrayEquals("print(1)".getBytes(UTF_8), workspace.files().get("main.py"));
        assertArrayEquals(new byte[] {0, (byte) 0xFF}, workspace.files().get("data.bin"));
        assertEquals("main.py", workspace.main());
        assertEquals(List.of("-v", ""), workspace.args());
        assertEquals(Map.of("A", "1", "B", "2"), workspace.env());
        assertEquals(List.of("A", "B"), List.copyOf(workspace.env().keySet()));
        assertEquals("in", workspace.stdin());
        assertEquals(List.of("python", "/main.py", "-v", ""), workspace.argv());
        assertTrue(workspace.isPython());
    }

    @Test
    void defaultsToPythonNoArgsNoEnvironmentAndEmptyStdin() {
        Workspace workspace = parse("{\"files\": {\"a/b.py\": \"\"}, \"main\": \"/a/b.py\"}");

        assertEquals(Workspace.PYTHON, workspace.runtime());
        assertEquals(List.of("python", "/a/b.py"), workspace.argv());
        assertEquals(Map.of(), workspace.env());
        assertEquals("", workspace.stdin());
    }

    @Test
    void readsAModuleWorkspaceWhoseMainIsArgvZero() {
        Workspace named = parse("{\"runtime\": \"" + MODULE + "\", \"main\": \"hello\", \"args\": [\"x\"]}");
        Workspace unnamed = parse("{\"runtime\": \"" + MODULE + "\", \"files\": {\"in.txt\": \"data\"}}");

        assertFalse(named.isPython());
        assertEquals("ab".repeat(32), named.moduleSha256());
        assertEquals(List.of("hello", "x"), named.argv());
        assertEquals(Map.of(), named.files());
        assertEquals(List.of(Workspace.DEFAULT_MODULE_MAIN), unnamed.argv());
        assertEquals(List.of("in.txt"), List.copyOf(unnamed.files().keySet()));
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
        assertEquals("unknown field \"environment\"; expected runtime, files, main, args, env, stdin",
                errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"environment\": {}}"));
        assertEquals("file \"/m.py\" is given twice", errorOf("{\"files\": {\"m.py\": \"\", \"/m.py\": \"\"}, \"main\": \"m.py\"}"));
        assertEquals("\"/lib\" is given as a file but is also the directory of \"/lib/x.py\"",
                errorOf("{\"files\": {\"lib\": \"\", \"lib/x.py\": \"\"}, \"main\": \"lib\"}"));
        assertEquals("the request body must be a JSON object like {\"files\": {\"main.py\": \"print(1)\"}, "
                + "\"main\": \"main.py\"}", errorOf("\"print(1)\""));
    }

    @Test
    void explainsProblemsWithTheNewerFields() {
        assertEquals("\"runtime\" must be \"python-3.12\" or \"module:<sha256>\" (64 lowercase hex digits, as "
                + "POST /api/modules answers), not \"module:ABC\"", errorOf("{\"runtime\": \"module:ABC\"}"));
        assertEquals("\"env\" must be an object mapping variable names to values, not a list",
                errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"env\": [\"A=1\"]}"));
        assertEquals("environment variable name \"A=B\" must be non-empty and without \"=\"",
                errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"env\": {\"A=B\": \"1\"}}"));
        assertEquals("the value of environment variable \"A\" must be a string, not a number",
                errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"env\": {\"A\": 1}}"));
        assertEquals("environment variable \"A\" contains a NUL character",
                errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"env\": {\"A\": \"\\u0000\"}}"));
        assertEquals("the content of file \"m.py\" must be a string or {\"base64\": \"...\"}, not a list",
                errorOf("{\"files\": {\"m.py\": []}, \"main\": \"m.py\"}"));
        assertTrue(errorOf("{\"files\": {\"m.py\": {\"base64\": \"@@@\"}}, \"main\": \"m.py\"}")
                .startsWith("\"base64\" of file \"m.py\" is not valid base64"));
        assertEquals("the content of file \"m.py\" contains an unpaired UTF-16 surrogate (\\ud800), which is not "
                + "text; send binary file content as {\"base64\": \"...\"}",
                errorOf("{\"files\": {\"m.py\": \"a\\ud800b\"}, \"main\": \"m.py\"}"));
        assertEquals("\"main\" of a module run is its program name (argv[0]), a non-empty string, not \"\"",
                errorOf("{\"runtime\": \"" + MODULE + "\", \"main\": \"\"}"));
    }

    @Test
    void acceptsSurrogatePairs() {
        Workspace workspace = parse("{\"files\": {\"m.py\": \"print('\\ud83d\\ude00')\"}, \"main\": \"m.py\"}");

        assertEquals("print('\uD83D\uDE00')", new String(workspace.files().get("m.py"), UTF_8));
    }

    @Test
    void rejectsDuplicateJsonKeys() {
        String message = errorOf("{\"files\": {\"m.py\": \"\"}, \"main\": \"m.py\", \"main\": \"m.py\"}");
        assertTrue(message.startsWith("the request body is not valid JSON: Duplicate field 'main'"), message);
    }
}
