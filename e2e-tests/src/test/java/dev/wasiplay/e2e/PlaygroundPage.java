package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One playground page and what the tests do with it, in the words of the page's controls. */
final class PlaygroundPage implements AutoCloseable {
    /** python.wasm compiles in Chromium and starts on Chicory's interpreter on a busy 2-core machine. */
    static final double SLOW_MS = 180_000;

    final Playground playground;
    final BrowserContext context;
    final Page page;
    /** Console errors and uncaught exceptions of the page. */
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    PlaygroundPage(Playground playground, BrowserContext context, String path) {
        this.playground = playground;
        this.context = context;
        // Records Content Security Policy violations (an init script is not subject to the page's CSP).
        context.addInitScript("window.__cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation', e =>"
                + " window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));");
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add("console: " + m.text());
                System.err.println("[page console] " + m.text());
            }
        });
        page.onPageError(e -> {
            errors.add("page error: " + e);
            System.err.println("[page error] " + e);
        });
        navigate(path);
    }

    void navigate(String path) {
        page.navigate(playground.url(path));
        try {
            assertThat(page.locator("body")).hasAttribute("data-ready", "true",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        } catch (AssertionError e) {
            throw new AssertionError("the page did not start; its errors: " + errors + "; status: "
                    + page.locator("#status").textContent() + "; message: " + page.locator("#message").textContent(), e);
        }
    }

    Locator byId(String id) {
        return page.locator("#" + id);
    }

    static LocatorAssertions.HasTextOptions slowText() {
        return new LocatorAssertions.HasTextOptions().setTimeout(SLOW_MS);
    }

    static LocatorAssertions.IsEnabledOptions slowEnabled() {
        return new LocatorAssertions.IsEnabledOptions().setTimeout(SLOW_MS);
    }

    /** Replaces the open file's text in the editor: select all, then paste. */
    void setCode(String code) {
        byId("code").click();
        page.keyboard().press("ControlOrMeta+a");
        byId("code").evaluate("(content, text) => { const data = new DataTransfer(); data.setData('text/plain', text);"
                + " content.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})); }",
                code);
        assertEquals(code, code(), "the editor holds the pasted code");
    }

    /** The editor's text. */
    String code() {
        return (String) page.evaluate("() => [...document.querySelector('#editor-host').shadowRoot"
                + ".querySelectorAll('.cm-line')].map(line => line.textContent).join('\\n')");
    }

    void openFile(String path) {
        fileTab(path).click();
    }

    Locator fileTab(String path) {
        return page.locator("[data-testid=file-tab][data-path='" + path + "']");
    }

    @SuppressWarnings("unchecked")
    List<String> fileTabs() {
        return (List<String>) page.locator("[data-testid=file-tab]").evaluateAll("tabs => tabs.map(t => t.dataset.path)");
    }

    /** Waits until the file tabs are these (uploads are read asynchronously). */
    void assertFileTabs(String... expected) {
        List<String> wanted = List.of(expected);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!fileTabs().equals(wanted) && System.nanoTime() < deadline) {
            page.waitForTimeout(100);
        }
        assertEquals(wanted, fileTabs());
    }

    void setArgs(String args) {
        openOptions();
        byId("args").fill(args);
    }

    void setStdin(String stdin) {
        openOptions();
        byId("stdin").fill(stdin);
    }

    void setEnv(String env) {
        openOptions();
        byId("env").fill(env);
    }

    void openOptions() {
        page.evaluate("() => { document.getElementById('run-options').open = true; }");
    }

    /** Clicks Run (in the browser) and waits for the run to end. */
    void runInBrowser() {
        byId("run-browser").click();
        waitUntilIdle();
    }

    void runOnServer() {
        byId("run-server").click();
        waitUntilIdle();
    }

    void compare() {
        byId("compare").click();
        waitUntilIdle();
    }

    /** Waits until no run is going on (the Run button is enabled again). */
    void waitUntilIdle() {
        assertThat(byId("run-browser")).isEnabled(slowEnabled());
    }

    /** The text a run wrote to a stream, as the side's console shows it: "browser" or "server", "stdout" or "stderr". */
    String output(String side, String stream) {
        return (String) page.evaluate("([side, stream]) => [...document.querySelectorAll("
                + "`#${side}-console [data-stream=${stream}]`)].map(e => e.textContent).join('')",
                List.of(side, stream));
    }

    String text(String id) {
        return byId(id).innerText().strip();
    }

    /** Selects an example from the menu, confirming the replacement of edited files if asked. */
    void loadExample(String id) {
        byId("examples").selectOption(id);
        Locator confirm = byId("confirm-dialog");
        if (confirm.isVisible()) {
            byId("confirm-ok").click();
        }
        assertThat(byId("status")).containsText("example");
    }

    void assertNoCspViolations() {
        assertEquals(List.of(), page.evaluate("() => window.__cspViolations"), "Content Security Policy violations");
    }

    void screenshot(String name) {
        Playground.screenshot(page, name);
    }

    @Override
    public void close() {
        context.close();
    }
}
