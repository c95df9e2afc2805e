package dev.wasiplay.host.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParityReportTest {
    private static final String HELLO_SHA = FileChange.sha256Hex("hello".getBytes(StandardCharsets.UTF_8));

    private static EngineRun run(String engine, int exit, String stdout, List<FileChange> files) {
        return new EngineRun(engine, exit, "ok", stdout, "", 10, files);
    }

    @Test
    void identicalRunsGiveTheIdenticalVerdictAndTheDocumentedJson() {
        List<FileChange> files = List.of(new FileChange("out.txt", "created", 5, HELLO_SHA));
        ParityReport report = ParityReport.compare(run("browser", 0, "hi\n", files), run("server", 0, "hi\n", files), 42L);

        assertEquals("identical", report.verdict());
        // The same string is asserted by static/test/parity-report.test.js: the page writes the same JSON.
        assertEquals("{\"format\":\"wasiplay-parity-report/1\",\"verdict\":\"identical\",\"deterministic\":{\"seed\":42},"
                + "\"engines\":[{\"engine\":\"browser\",\"exitCode\":0,\"status\":\"ok\",\"durationMs\":10,\"stdout\":\"hi\\n\","
                + "\"stderr\":\"\",\"files\":[{\"path\":\"out.txt\",\"change\":\"created\",\"size\":5,\"sha256\":\""
                + HELLO_SHA + "\"}]},{\"engine\":\"server\",\"exitCode\":0,\"status\":\"ok\",\"durationMs\":10,"
                + "\"stdout\":\"hi\\n\",\"stderr\":\"\",\"files\":[{\"path\":\"out.txt\",\"change\":\"created\",\"size\":5,"
                + "\"sha256\":\"" + HELLO_SHA + "\"}]}],\"differences\":[]}", report.toJson());
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", HELLO_SHA);
    }

    @Test
    void differencesNameTheFieldAndTheFirstDifferingLine() throws Exception {
        EngineRun chicory = new EngineRun("chicory", 0, "ok", "a\nb\nc\n", "warn\n", 5,
                List.of(new FileChange("gone.txt", "deleted", 0, null), new FileChange("same.txt", "created", 5, HELLO_SHA)));
        EngineRun browser = new EngineRun("browser", 134, "trap", "a\nB\nc\n", "warn", 7,
                List.of(new FileChange("same.txt", "created", 5, HELLO_SHA)));
        ParityReport report = ParityReport.compare(chicory, browser, null);

        assertEquals("differs", report.verdict());
        assertEquals("exitCode, status, stdout, stderr, files", report.differingFields());
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertTrue(json.get("deterministic").isNull());
        JsonNode d = json.get("differences");
        assertEquals(5, d.size());
        assertEquals("{\"field\":\"exitCode\",\"values\":[0,134]}", d.get(0).toString());
        assertEquals("{\"field\":\"status\",\"values\":[\"ok\",\"trap\"]}", d.get(1).toString());
        assertEquals("{\"field\":\"stdout\",\"line\":2,\"values\":[\"b\",\"B\"]}", d.get(2).toString());
        assertEquals("{\"field\":\"stderr\",\"line\":2,\"values\":[\"\",null]}", d.get(3).toString(),
                "a missing final newline: an empty last line against none");
        assertEquals("{\"field\":\"files\",\"path\":\"gone.txt\",\"values\":[{\"change\":\"deleted\",\"size\":0,"
                + "\"sha256\":null},null]}", d.get(4).toString());
        assertEquals(134, json.get("engines").get(1).get("exitCode").asInt());
    }

    @Test
    void textIsEscapedAsJsonStringifyDoes() throws Exception {
        String nasty = "quote \" back \\ tab \t nul \u0000 bell \u0007 é 🙂\r\n";
        ParityReport report = ParityReport.compare(run("a", 0, nasty, List.of()), run("b", 0, nasty, List.of()), 0L);
        assertTrue(report.toJson().contains("\"stdout\":\"quote \\\" back \\\\ tab \\t nul \\u0000 bell \\u0007 é 🙂\\r\\n\""),
                report.toJson());
        assertEquals(nasty, new ObjectMapper().readTree(report.toJson()).get("engines").get(0).get("stdout").asText());
    }

    @Test
    void fileChangesBetweenTheStartAndTheTreeARunLeft() {
        VirtualFileSystem after = new VirtualFileSystem();
        after.writeFile("/kept.txt", bytes("same"));
        after.writeFile("/changed.txt", bytes("hello"));
        after.writeFile("/dir/new.bin", new byte[3]);
        after.writeFile("/__pycache__/util.cpython-312.pyc", new byte[7]);
        List<FileChange> changes = FileChange.between(
                Map.of("kept.txt", bytes("same"), "changed.txt", bytes("old"), "removed.txt", bytes("x")), after);

        assertEquals(List.of(new FileChange("changed.txt", "modified", 5, HELLO_SHA),
                new FileChange("dir/new.bin", "created", 3, FileChange.sha256Hex(new byte[3])),
                new FileChange("removed.txt", "deleted", 0, null)), changes);
    }

    @Test
    void malformedPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FileChange("x", "renamed", 1, HELLO_SHA));
        assertThrows(IllegalArgumentException.class, () -> new FileChange("x", "created", 1, "ABC"));
        assertThrows(IllegalArgumentException.class, () -> new FileChange("x", "deleted", 0, HELLO_SHA));
        assertThrows(IllegalArgumentException.class, () -> new EngineRun("a", 0, "ok", "", "", 0,
                List.of(new FileChange("b", "deleted", 0, null), new FileChange("a", "deleted", 0, null))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
