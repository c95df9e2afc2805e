package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
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
    void aProgramThatDiffersGetsALineDiffExitCodesAndBothTimings() {
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

            p.compare();

            assertThat(p.byId("verdict")).hasText("differs");
            assertThat(p.byId("verdict-details")).hasText("in stdout");
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
}
