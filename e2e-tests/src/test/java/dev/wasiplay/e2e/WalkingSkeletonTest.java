package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole path: the page runs Python in Chromium's wasm engine and on the server, and compares. */
class WalkingSkeletonTest {
    private static Playground playground;

    @BeforeAll
    static void start() {
        playground = Playground.shared();
    }

    @Test
    void sumOfRangeRunsInBothEnginesAndCompareSaysIdentical() {
        try (PlaygroundPage p = playground.open()) {
            p.setCode("print(sum(range(10)))\n");
            p.setArgs("");

            p.runInBrowser();
            assertEquals("0", p.text("browser-exit"));
            assertEquals("45\n", p.output("browser", "stdout"));

            p.runOnServer();
            assertEquals("0", p.text("server-exit"));
            assertEquals("45\n", p.output("server", "stdout"));

            p.compare();
            assertThat(p.byId("verdict")).hasText("identical");
            assertEquals("45\n", p.output("browser", "stdout"));
            assertEquals("45\n", p.output("server", "stdout"));
            p.screenshot("compare-identical");
            p.assertNoCspViolations();
        }
    }

    @Test
    void stderrAndExitCodeThreeOnBothSides() {
        try (PlaygroundPage p = playground.open()) {
            p.setCode("import sys\nprint('to out')\nprint('to err', file=sys.stderr)\nsys.exit(3)\n");

            p.compare();
            assertThat(p.byId("verdict")).hasText("identical");
            for (String side : new String[] {"browser", "server"}) {
                assertEquals("3", p.text(side + "-exit"), side);
                assertEquals("to out\n", p.output(side, "stdout"), side);
                assertEquals("to err\n", p.output(side, "stderr"), side);
            }
            assertEquals("3", p.text("compare-browser-exit-code"));
            assertEquals("3", p.text("compare-server-exit-code"));
            p.screenshot("stderr-exit-3");
        }
    }
}
