package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Files a browser run creates or changes appear in the tabs: text shown, binary downloadable. */
class FilesAfterRunTest {
    private static Playground playground;

    @BeforeAll
    static void start() {
        playground = Playground.shared();
    }

    @Test
    void filesTheProgramWritesAppearInTheTabs() throws IOException {
        try (PlaygroundPage p = playground.open()) {
            p.loadExample("files");
            p.runInBrowser();
            assertEquals("0", p.text("browser-exit"), p.output("browser", "stderr"));
            assertTrue(p.output("browser", "stdout").contains("./out/logs/01-alpha.txt"), p.output("browser", "stdout"));
            if (p.text("browser-files").equals("not reported")) {
                // The worker posts {type: "fs", image} after a run once the polyfill can export its tree (issue 3).
                Assumptions.abort("the browser worker does not report the files after a run yet (issue 3)");
            }
            assertEquals("4 created, 1 changed", p.text("browser-files"));
            assertThat(p.fileTab("out/logs/01-alpha.txt").locator(".file-badge")).hasText("new");
            assertThat(p.fileTab("notes.txt").locator(".file-badge")).hasText("changed");
            p.openFile("notes.txt");
            assertEquals("alpha beta gamma\n(seen by main.py)\n", p.code());
            p.openFile("out/logs/02-beta.txt");
            assertEquals("BETA\n", p.code());
            p.openFile("out/summary.bin");
            assertThat(p.byId("binary-view")).containsText("16 bytes");
            Download download = p.page.waitForDownload(() -> p.byId("binary-download").click());
            byte[] expected = new byte[16];
            for (int i = 0; i < 16; i++) {
                expected[i] = (byte) i;
            }
            assertArrayEquals(expected, Files.readAllBytes(download.path()));
            p.screenshot("files-after-run");
        }
    }
}
