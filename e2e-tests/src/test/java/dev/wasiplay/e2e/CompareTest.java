package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compare: both engines, the same inputs, and what differs shown line by line. */
class CompareTest {
    private static Playground playground;

    @BeforeAll
    static void start() {
        playground = Playground.shared();
    }

    @Test
    void aProgramThatDiffersGetsALineDiffExitCodesAndBothTimings() throws Exception {
        try (PlaygroundPage p = playground.open()) {
            p.setCode(String.join("\n",
                    "import random, sys",
                    "print('same first line')",
                    "print('random:', random.random())",
                    "print('args:', sys.argv[1:])",
                    "print('stdin:', sys.stdin.read().strip())",
                    "print('the same warning', file=sys.stderr)",
                    "sys.exit(2)",
                    ""));
            p.setArgs("x 'y z'");
            p.setStdin("fed in\n");
            // Deterministic mode would give both sides the same random numbers: switch it off.
            p.byId("deterministic").selectOption("never");

            p.compare();

            assertThat(p.byId("verdict")).hasText("differs");
            assertThat(p.byId("verdict-details")).hasText("in stdout");
            assertThat(p.byId("verdict-seed")).hasText("not deterministic (real clocks and random numbers)");
            JsonNode report = downloadReport(p);
            assertEquals("differs", report.get("verdict").textValue());
            assertTrue(report.get("deterministic").isNull());
            assertEquals(1, report.get("differences").size(), report.toString());
            JsonNode difference = report.get("differences").get(0);
            assertEquals("stdout", difference.get("field").textValue());
            assertEquals(2, difference.get("line").intValue());
            assertTrue(difference.get("values").get(0).textValue().startsWith("random: 0."), difference.toString());
            assertEquals(2, report.get("engines").get(0).get("exitCode").intValue());
            assertThat(p.byId("tab-compare")).hasAttribute("aria-selected", "true");
            assertThat(p.byId("verdict-timing")).hasText(java.util.regex.Pattern.compile(
                    "^(The (server|browser) took [0-9.]+× as long as the (browser|server)\\.|Both took about as long\\.)$"));
            for (String side : List.of("browser", "server")) {
                String stdout = p.output(side, "stdout");
                assertTrue(stdout.contains("args: ['x', 'y z']\nstdin: fed in\n"), side + ": " + stdout);
                assertEquals("2", p.text(side + "-exit"), side);
                assertEquals("2", p.text("compare-" + side + "-exit-code"), side);
                assertTrue(p.text("compare-" + side + "-run-time").matches("\\d+ ms|[0-9.]+ s"), side);
                assertTrue(p.text("compare-" + side + "-total").matches("\\d+ ms|[0-9.]+ s"), side);
            }

            Locator stdoutDiff = p.page.locator("[data-testid=diff-stdout]");
            assertThat(stdoutDiff).hasAttribute("data-same", "false");
            assertThat(stdoutDiff.locator("h3")).containsText("1 line differ");
            Locator rows = stdoutDiff.locator("tbody tr");
            assertThat(rows).hasCount(4);
            assertEquals(List.of("same", "changed", "same", "same"), rows.evaluateAll("rs => rs.map(r => r.dataset.kind)"));
            Locator changed = stdoutDiff.locator("tr[data-kind=changed] td.text");
            assertTrue(changed.nth(0).innerText().startsWith("random: 0."), changed.nth(0).innerText());
            assertTrue(changed.nth(1).innerText().startsWith("random: 0."), changed.nth(1).innerText());
            assertThat(p.page.locator("[data-testid=diff-stderr]")).hasAttribute("data-same", "true");
            assertThat(p.page.locator("[data-testid=diff-files]")).isVisible();
            p.screenshot("compare-differs");
        }
    }

    /** Compare is deterministic by default: issue 8's line is identical on both sides, and the report says so. */
    @Test
    void compareIsDeterministicByDefaultAndItsReportCanBeDownloaded() throws Exception {
        try (PlaygroundPage p = playground.open()) {
            p.setCode(String.join("\n",
                    "import random, time, uuid, tempfile",
                    "print(random.random(), time.time(), uuid.uuid4())",
                    "open('/out.txt', 'w').write('hello')",
                    ""));
            p.byId("seed").fill("1234");

            p.compare();

            assertThat(p.byId("verdict")).hasText("identical");
            assertThat(p.byId("verdict-seed")).hasText("deterministic mode, seed 1234");
            assertEquals("1234", p.text("browser-seed"));
            assertEquals("1234", p.text("server-seed"));
            String line = p.output("browser", "stdout");
            assertTrue(line.matches("0\\.\\d+ 1704067200\\.\\d+ [0-9a-f-]{36}\n"), line);
            assertEquals(line, p.output("server", "stdout"));

            JsonNode report = downloadReport(p);
            assertEquals("wasiplay-parity-report/1", report.get("format").textValue());
            assertEquals("identical", report.get("verdict").textValue());
            assertEquals(1234, report.get("deterministic").get("seed").intValue());
            assertEquals(List.of("browser", "server"), List.of(report.get("engines").get(0).get("engine").textValue(),
                    report.get("engines").get(1).get("engine").textValue()));
            for (JsonNode engine : report.get("engines")) {
                assertEquals(line, engine.get("stdout").textValue());
                assertEquals("ok", engine.get("status").textValue());
                assertEquals("[{\"path\":\"out.txt\",\"change\":\"created\",\"size\":5,\"sha256\":"
                        + "\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}]", engine.get("files").toString());
            }
            assertEquals(0, report.get("differences").size());

            // Run (in the browser) is not deterministic by default; "for every run" makes it repeat the line.
            p.runInBrowser();
            assertEquals("off", p.text("browser-seed"));
            assertTrue(!p.output("browser", "stdout").equals(line));
            p.byId("deterministic").selectOption("always");
            p.runInBrowser();
            assertEquals("1234", p.text("browser-seed"));
            assertEquals(line, p.output("browser", "stdout"));
            p.assertNoCspViolations();
        }
    }

    /** Clicks "Download report" and reads the JSON it saves. */
    private static JsonNode downloadReport(PlaygroundPage p) throws Exception {
        Download download = p.page.waitForDownload(() -> p.byId("download-report").click());
        assertEquals("wasiplay-parity-report.json", download.suggestedFilename());
        return new ObjectMapper().readTree(Files.readString(download.path()));
    }
}
