package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Canonical JSON and snippet ids: the same content always gets the same id, other content another one. */
class WorkspaceTest {

    private final WorkspaceParser parser = new WorkspaceParser();

    private Workspace parse(String json) {
        return parser.parse(json.getBytes(UTF_8));
    }

    @Test
    void writesTheCanonicalFormWithEveryFieldSortedAndUnspaced() {
        Workspace workspace = parse("""
                {"stdin": "in\\u0001", "main": "/main.py",
                 "files": {"main.py": "print(\\"é\\")\\n", "b.bin": {"base64": "AP8="}, "a.txt": {"base64": "aGk="}},
                 "env": {"Z": "z", "A": "a"}}""");

        assertEquals("{\"args\":[],\"env\":{\"A\":\"a\",\"Z\":\"z\"},"
                + "\"files\":{\"a.txt\":\"hi\",\"b.bin\":{\"base64\":\"AP8=\"},\"main.py\":\"print(\\\"é\\\")\\n\"},"
                + "\"main\":\"main.py\",\"runtime\":\"python-3.12\",\"stdin\":\"in\\u0001\"}",
                workspace.canonicalJson());
    }

    @Test
    void derivesTheIdFromTheSha256OfTheCanonicalForm() throws Exception {
        Workspace workspace = parse("{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"main.py\"}");
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(workspace.canonicalJson().getBytes(UTF_8));

        String id = workspace.id();

        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 9)), id);
        assertEquals(12, id.length());
        assertTrue(id.matches("[A-Za-z0-9_-]{12}"), id);
        assertTrue(Workspace.looksLikeId(id));
    }

    @Test
    void givesEqualContentTheSameIdHoweverItIsWritten() {
        String plain = parse("{\"files\": {\"main.py\": \"hi\", \"lib/x.py\": \"\"}, \"main\": \"main.py\"}").id();

        assertEquals(plain, parse("""
                { "main" : "/main.py",
                  "files" : { "/lib/x.py": "", "main.py": {"base64": "aGk="} },
                  "runtime": "python-3.12", "args": [], "env": {}, "stdin": "" }""").id());
    }

    @Test
    void givesOtherContentAnotherId() {
        String base = parse("{\"files\": {\"main.py\": \"hi\"}, \"main\": \"main.py\"}").id();

        for (String other : new String[] {
            "{\"files\": {\"main.py\": \"hi \"}, \"main\": \"main.py\"}",
            "{\"files\": {\"main2.py\": \"hi\"}, \"main\": \"main2.py\"}",
            "{\"files\": {\"main.py\": \"hi\"}, \"main\": \"main.py\", \"args\": [\"\"]}",
            "{\"files\": {\"main.py\": \"hi\"}, \"main\": \"main.py\", \"env\": {\"A\": \"\"}}",
            "{\"files\": {\"main.py\": \"hi\"}, \"main\": \"main.py\", \"stdin\": \"\\n\"}",
            "{\"files\": {\"main.py\": \"hi\"}, \"main\": \"main.py\", \"runtime\": \"module:" + "0".repeat(64) + "\"}",
        }) {
            assertNotEquals(base, parse(other).id(), other);
        }
    }

    @Test
    void readsItsOwnCanonicalFormBackUnchanged() {
        Workspace workspace = parse("{\"files\": {\"main.py\": \"x\", \"d.bin\": {\"base64\": \"gA==\"}}, "
                + "\"main\": \"main.py\", \"args\": [\"a\"], \"env\": {\"K\": \"v\"}, \"stdin\": \"s\"}");

        Workspace again = parse(workspace.canonicalJson());

        assertEquals(workspace.canonicalJson(), again.canonicalJson());
        assertEquals(workspace.id(), again.id());
    }

    @Test
    void recognizesIdShapes() {
        assertTrue(Workspace.looksLikeId("abcDEF012-_x"));
        for (String bad : new String[] {"", "abc", "abcDEF012-_xy", "abcDEF012+/x", "abcDEF012-_."}) {
            assertEquals(false, Workspace.looksLikeId(bad), bad);
        }
    }

    @Test
    void givesTheSameImageWhenEverItIsMade() throws Exception {
        Workspace workspace = parse("{\"files\": {\"main.py\": \"print(1)\", \"lib/a.txt\": \"a\"}, \"main\": \"main.py\"}");
        byte[] first = workspace.image();
        Thread.sleep(1100); // past a whole second: tar mtimes are in seconds

        assertArrayEquals(first, workspace.image());
    }
}
