package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The editor (CodeMirror) and the workspace's file tabs. */
class EditorAndFilesTest {
    private static Playground playground;

    @BeforeAll
    static void start() {
        playground = Playground.shared();
    }

    @Test
    void theEditorHighlightsPythonNumbersLinesMatchesBracketsIndentsAndRunsWithCtrlEnter() {
        try (PlaygroundPage p = playground.open()) {
            p.setCode("def f(x):\n    return [x + (1, 2)[0]]\n\nprint(f(41))\n");
            Locator editor = p.page.locator("#editor-host");

            List<String> numbers = editor.locator(".cm-lineNumbers .cm-gutterElement").allTextContents();
            assertTrue(numbers.containsAll(List.of("1", "2", "3", "4")) && !numbers.contains("6"), numbers.toString());
            String keywordColor = (String) editor.locator(".cm-line span", new Locator.LocatorOptions().setHasText("def"))
                    .first().evaluate("span => getComputedStyle(span).color");
            String plainColor = (String) editor.locator(".cm-content").evaluate("c => getComputedStyle(c).color");
            assertNotEquals(plainColor, keywordColor, "the keyword def is highlighted");

            // Cursor right after "[": the bracket and its partner are marked.
            editor.locator(".cm-line").nth(1).click();
            p.page.keyboard().press("Home");
            for (int i = 0; i < "return [".length(); i++) {
                p.page.keyboard().press("ArrowRight");
            }
            assertThat(editor.locator(".cm-matchingBracket")).hasCount(2);

            // Tab indents the line, Shift-Tab takes it back.
            editor.locator(".cm-line").nth(3).click();
            p.page.keyboard().press("Tab");
            assertEquals("    print(f(41))", p.code().split("\n")[3]);
            p.page.keyboard().press("Shift+Tab");
            assertEquals("print(f(41))", p.code().split("\n")[3]);

            p.page.keyboard().press("Control+Enter");
            p.waitUntilIdle();
            assertEquals("[42]\n", p.output("browser", "stdout"));
            assertEquals("0", p.text("browser-exit"));
            p.screenshot("editor-and-output");
            p.assertNoCspViolations();
        }
    }

    @Test
    void filesAreAddedUploadedRenamedDeletedAndDownloadedAsAZip() throws IOException {
        try (PlaygroundPage p = playground.open()) {
            String main = "import util\nprint(util.greet('files'))\nprint(open('data.txt').read().strip())\n";
            p.setCode(main);

            p.byId("add-file").click();
            p.byId("name-input").fill("../escape.py");
            p.byId("name-ok").click();
            assertThat(p.byId("name-error")).containsText("without \".\" or \"..\"");
            p.byId("name-input").fill("util.py");
            p.byId("name-ok").click();
            p.assertFileTabs("main.py", "util.py");
            assertThat(p.fileTab("util.py")).hasAttribute("aria-selected", "true");
            String util = "def greet(who):\n    return 'hello ' + who\n";
            p.setCode(util);

            byte[] blob = {0, 1, 2, (byte) 255, 10, 0};
            p.byId("upload-input").setInputFiles(new FilePayload[] {
                new FilePayload("data.txt", "text/plain", "uploaded text ✓\n".getBytes(StandardCharsets.UTF_8)),
                new FilePayload("blob.bin", "application/octet-stream", blob),
            });
            p.assertFileTabs("main.py", "util.py", "data.txt", "blob.bin");
            assertThat(p.byId("binary-view")).isVisible();
            assertThat(p.byId("binary-view")).containsText("blob.bin is a binary file of 6 bytes");
            assertThat(p.byId("binary-preview")).containsText("00 01 02 ff 0a 00");
            Download one = p.page.waitForDownload(() -> p.byId("binary-download").click());
            assertArrayEquals(blob, Files.readAllBytes(one.path()));
            p.screenshot("files-binary");

            p.runInBrowser();
            assertEquals("hello files\nuploaded text ✓\n", p.output("browser", "stdout"));

            // Keyboard: arrows move between tabs, F2 renames the selected one.
            p.fileTab("main.py").click();
            p.fileTab("main.py").press("ArrowRight");
            assertThat(p.fileTab("util.py")).isFocused();
            assertEquals(util, p.code());
            p.fileTab("util.py").press("F2");
            p.byId("name-input").fill("helpers.py");
            p.byId("name-ok").click();
            p.assertFileTabs("main.py", "helpers.py", "data.txt", "blob.bin");
            p.runInBrowser();
            assertTrue(p.output("browser", "stderr").contains("ModuleNotFoundError: No module named 'util'"),
                    p.output("browser", "stderr"));
            assertEquals("1", p.text("browser-exit"));

            p.byId("delete-file").click();
            assertThat(p.byId("confirm-text")).containsText("Delete helpers.py?");
            p.byId("confirm-ok").click();
            p.assertFileTabs("main.py", "data.txt", "blob.bin");

            Download zip = p.page.waitForDownload(() -> p.byId("download-zip").click());
            assertEquals("wasiplay-workspace.zip", zip.suggestedFilename());
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (InputStream in = Files.newInputStream(zip.path()); ZipInputStream unzip = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = unzip.getNextEntry()) != null; ) {
                    entries.put(entry.getName(), unzip.readAllBytes());
                }
            }
            assertEquals(List.of("main.py", "data.txt", "blob.bin"), List.copyOf(entries.keySet()));
            assertEquals(main, new String(entries.get("main.py"), StandardCharsets.UTF_8));
            assertEquals("uploaded text ✓\n", new String(entries.get("data.txt"), StandardCharsets.UTF_8));
            assertArrayEquals(blob, entries.get("blob.bin"));
            p.assertNoCspViolations();

            // Nothing is lost on a reload: the workspace is kept in the browser's storage.
            p.page.waitForTimeout(600);
            p.navigate("/");
            p.assertFileTabs("main.py", "data.txt", "blob.bin");
            assertEquals(main, p.code());
            p.openFile("blob.bin");
            assertThat(p.byId("binary-view")).containsText("6 bytes");
        }
    }
}
