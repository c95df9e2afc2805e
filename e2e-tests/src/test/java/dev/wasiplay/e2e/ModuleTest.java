package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Upload a .wasm": any wasm32-wasi command runs with the workspace's files, arguments and stdin. */
class ModuleTest {
    private static final String PROGRAM = String.join("\n",
            "#include <stdio.h>",
            "int main(int argc, char **argv) {",
            "    for (int i = 1; i < argc; i++) printf(\"arg %d: %s\\n\", i, argv[i]);",
            "    FILE *data = fopen(\"/data.txt\", \"r\");",
            "    char line[128];",
            "    if (data && fgets(line, sizeof line, data)) printf(\"data.txt: %s\", line);",
            "    if (fgets(line, sizeof line, stdin)) printf(\"stdin: %s\", line);",
            "    fprintf(stderr, \"bye\\n\");",
            "    return 7;",
            "}",
            "");

    private static Playground playground;
    private static byte[] module;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        playground = Playground.shared();
        module = compile(PROGRAM);
    }

    /** Compiles C to a wasm32-wasi command with Debian's clang and wasi-libc (./wasiplay test installs them). */
    static byte[] compile(String source) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Paths.get("target", "wasm-guests"));
        Path c = dir.resolve("hello.c");
        Path wasm = dir.resolve("hello.wasm");
        Files.writeString(c, source);
        Process clang = new ProcessBuilder("clang", "--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-o",
                wasm.toString(), c.toString()).redirectErrorStream(true).start();
        String log = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (clang.waitFor() != 0) {
            throw new IllegalStateException("clang failed (./wasiplay test installs clang, lld, wasi-libc, "
                    + "libclang-rt-14-dev-wasm32):\n" + log);
        }
        return Files.readAllBytes(wasm);
    }

    private static void upload(PlaygroundPage p, String name, byte[] bytes) {
        p.byId("module-file").setInputFiles(new FilePayload(name, "application/wasm", bytes));
    }

    /**
     * Picks "Upload a .wasm…" with the keyboard and answers the file chooser it opens. On a loaded machine Chromium
     * now and then drops the first key press on a just-focused menu, so up to three presses are tried.
     */
    private static FileChooser chooseUploadInRuntimeMenu(PlaygroundPage p) {
        for (int attempt = 1; ; attempt++) {
            p.byId("runtime").focus();
            try {
                return p.page.waitForFileChooser(new Page.WaitForFileChooserOptions().setTimeout(10_000),
                        () -> p.page.keyboard().press("End"));
            } catch (TimeoutError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Test
    void anUploadedModuleRunsInTheBrowserWithArgsFilesAndInteractiveInput() {
        try (PlaygroundPage p = playground.open()) {
            p.byId("upload-input").setInputFiles(new FilePayload("data.txt", "text/plain",
                    "from the workspace\n".getBytes(StandardCharsets.UTF_8)));
            // "Upload a .wasm…" in the runtime menu opens the file chooser.
            FileChooser chooser = chooseUploadInRuntimeMenu(p);
            chooser.setFiles(new FilePayload("hello.wasm", "application/wasm", module));
            assertThat(p.byId("runtime")).hasValue(java.util.regex.Pattern.compile("^module:[0-9a-f]{64}$"));
            assertThat(p.byId("module-view")).isVisible();
            assertThat(p.byId("module-name")).hasText("hello.wasm");
            p.setArgs("first 'second arg'");

            p.byId("run-browser").click();
            Locator input = p.page.locator("[data-testid=stdin-input]");
            assertThat(input).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PlaygroundPage.SLOW_MS));
            input.fill("typed");
            input.press("Enter");
            p.waitUntilIdle();

            assertEquals("arg 1: first\narg 2: second arg\ndata.txt: from the workspace\nstdin: typed\n",
                    p.output("browser", "stdout"));
            assertEquals("bye\n", p.output("browser", "stderr"));
            assertEquals("7", p.text("browser-exit"));
            p.screenshot("module-runtime");

            p.runOnServer();
            if (p.byId("server-error").isVisible()) {
                // Until the server stores modules (issue 5), the page says why the server cannot run it.
                assertThat(p.byId("server-error")).containsText("The server does not have hello.wasm: "
                        + "Uploading the module: this server does not offer that (404)");
                assertThat(p.byId("module-server-note")).containsText("Only this browser has it");
            } else {
                p.setStdin("typed\n");
                p.compare();
                assertThat(p.byId("verdict")).hasText("identical");
                assertEquals("7", p.text("server-exit"));
            }

            p.byId("runtime").selectOption("python-3.12");
            assertThat(p.byId("module-view")).isHidden();
        }
    }

    @Test
    void aFileThatIsNotWasmIsRefusedAndABrokenModuleFailsToLoadClearly() {
        try (PlaygroundPage p = playground.open()) {
            upload(p, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(p.byId("message")).hasText("notes.txt is not a WebAssembly module (it does not start with \\0asm).");
            assertThat(p.byId("runtime")).hasValue("python-3.12");

            upload(p, "broken.wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, (byte) 0xff, 1, 2});
            assertThat(p.byId("module-name")).hasText("broken.wasm");
            p.runInBrowser();
            assertThat(p.byId("browser-error")).containsText("Browser run: failed to load broken.wasm: CompileError");
            assertThat(p.byId("browser-error")).containsText("CompileError");
            assertThat(p.byId("status")).containsText("Failed");
            assertEquals(List.of(), p.page.evaluate("() => window.__cspViolations"));
        }
    }
}
