package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole path: the page runs Python in Chromium's wasm engine and on the server, and compares. */
class WalkingSkeletonTest {
    /** python.wasm compiles in Chromium and starts on Chicory's interpreter: allow for both. */
    private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(120_000);

    private static Playground playground;

    @BeforeAll
    static void start() {
        playground = new Playground();
    }

    @AfterAll
    static void stop() {
        if (playground != null) {
            playground.close();
        }
    }

    @Test
    void sumOfRangeRunsInBothEnginesAndCompareSaysIdentical() {
        Page page = playground.open();
        page.locator("#code").fill("print(sum(range(10)))\n");

        page.locator("#run-browser").click();
        assertThat(page.locator("#browser-exit")).hasText("0", SLOW);
        assertEquals("45", page.locator("#browser-stdout").innerText().strip());

        page.locator("#run-server").click();
        assertThat(page.locator("#server-exit")).hasText("0", SLOW);
        assertEquals("45", page.locator("#server-stdout").innerText().strip());

        page.locator("#compare").click();
        assertThat(page.locator("#verdict")).hasText("identical", SLOW);
        assertEquals("45", page.locator("#browser-stdout").innerText().strip());
        assertEquals("45", page.locator("#server-stdout").innerText().strip());
        Playground.screenshot(page, "compare-identical");
        page.close();
    }

    @Test
    void stderrAndExitCodeThreeOnBothSides() {
        Page page = playground.open();
        page.locator("#code").fill("import sys\nprint('to out')\nprint('to err', file=sys.stderr)\nsys.exit(3)\n");

        page.locator("#compare").click();
        assertThat(page.locator("#verdict")).hasText("identical", SLOW);
        for (String side : new String[] {"browser", "server"}) {
            assertEquals("3", page.locator("#" + side + "-exit").innerText().strip(), side);
            assertEquals("to out", page.locator("#" + side + "-stdout").innerText().strip(), side);
            assertEquals("to err", page.locator("#" + side + "-stderr").innerText().strip(), side);
        }
        Playground.screenshot(page, "stderr-exit-3");
        page.close();
    }
}
