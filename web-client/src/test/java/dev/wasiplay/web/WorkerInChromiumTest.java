package dev.wasiplay.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.wasiplay.polyfill.SplitMix64;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TeaVM-compiled worker (target/classes/public/js, what the jar ships) running CPython's python.wasm in
 * Debian's Chromium: one browser and one page for all cases, each case one run message to the worker.
 */
class WorkerInChromiumTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final String PYTHON = "/python.wasm";

    private static StaticServer server;
    private static Playwright playwright;
    private static Browser browser;
    private static Page page;

    @BeforeAll
    static void openPage() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), "this test needs Debian's Chromium at " + CHROMIUM
                + " (apt-get install chromium); it proves the compiled worker runs in a real browser");
        server = new StaticServer()
                .serve("/worker-test.html", resource("worker-test.html"), "text/html; charset=utf-8")
                .serve(PYTHON, BundledRuntimes.python().bytes(), "application/wasm")
                .serve("/trap.wasm", TRAP_MODULE, "application/wasm")
                .serve("/not-wasm.wasm", "just text".getBytes(StandardCharsets.UTF_8), "application/wasm");
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run")));
        page = browser.newPage();
        page.onConsoleMessage(m -> System.out.println("[page console] " + m.text()));
        page.navigate(server.baseUrl() + "/worker-test.html");
        assertEquals(Boolean.TRUE, page.evaluate("crossOriginIsolated"), "the test page must be cross-origin isolated");
    }

    @AfterAll
    static void closePage() {
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void firstRunDownloadsCompilesAndPrints() {
        long started = System.nanoTime();
        WorkerRun run = runInFreshWorker(python("print(sum(range(10)))"));
        double wallMs = (System.nanoTime() - started) / 1e6;

        assertEquals("45\n", run.stdout(), run::toString);
        assertEquals("", run.stderr(), run::toString);
        assertEquals(0, run.exitCode());
        assertEquals("ok", run.status());
        assertEquals(List.of("download", "compile", "run"), run.phases(), run::toString);
        Map<String, Object> lastProgress = run.ofType("status").stream()
                .filter(m -> m.containsKey("loaded")).reduce((a, b) -> b).orElseThrow();
        double size = BundledRuntimes.python().size();
        assertEquals(size, ((Number) lastProgress.get("loaded")).doubleValue(), run::toString);
        assertEquals(size, ((Number) lastProgress.get("total")).doubleValue(), run::toString);
        assertTrue(run.durationMs() > 0, run::toString);
        System.out.printf("first run (fetch + compile + run): %.0f ms wall, %.0f ms instantiate to exit%n",
                wallMs, run.durationMs());
    }

    @Test
    void compiledModuleIsReusedByTheNextRun() {
        run(python("pass"));
        long started = System.nanoTime();
        WorkerRun again = run(python("print('again')"));
        double wallMs = (System.nanoTime() - started) / 1e6;

        assertEquals(List.of("run"), again.phases(), again::toString);
        assertEquals("again\n", again.stdout());
        assertEquals(0, again.exitCode());
        System.out.printf("cached run: %.0f ms wall, %.0f ms instantiate to exit%n", wallMs, again.durationMs());
    }

    @Test
    void moduleCompiledByThePageRunsWithoutFetching() {
        Object result = page.evaluate("async url => runInWorker({type: 'run', argv: ['python', '-c', 'print(6 * 7)'],"
                + " module: await WebAssembly.compileStreaming(fetch(url))}, true)", PYTHON);
        WorkerRun run = WorkerRun.of(result);

        assertEquals("42\n", run.stdout(), run::toString);
        assertEquals(0, run.exitCode());
        assertEquals(List.of("run"), run.phases(), run::toString);

        Object notAModule = page.evaluate("() => runInWorker({type: 'run', argv: ['x'], module: new ArrayBuffer(8)}, false)");
        assertEquals("invalid run message: module must be a WebAssembly.Module", WorkerRun.of(notAModule).error());
    }

    @Test
    void stderrAndExitStatus() {
        WorkerRun run = run(python("import sys\nprint('bad things', file=sys.stderr)\nsys.exit(3)"));

        assertEquals("bad things\n", run.stderr(), run::toString);
        assertEquals("", run.stdout(), run::toString);
        assertEquals(3, run.exitCode());
    }

    @Test
    void uncaughtExceptionExitsWithOne() {
        WorkerRun run = run(python("raise ValueError('nope')"));

        assertTrue(run.stderr().contains("ValueError: nope"), run::toString);
        assertEquals(1, run.exitCode());
    }

    @Test
    void stdinIsTheUtf8OfTheStringThenEndOfInput() {
        Map<String, Object> request = python("import sys\ndata = sys.stdin.read()\nprint(len(data), data.upper(), end='')");
        request.put("stdin", "héllo\nwörld\n");

        WorkerRun run = run(request);

        assertEquals("12 HÉLLO\nWÖRLD\n", run.stdout(), run::toString);
        assertEquals(0, run.exitCode());
    }

    @Test
    void interactiveInputOverTheSharedBufferBlocksUntilThePageAnswers() {
        Map<String, Object> request = python(String.join("\n",
                "import sys",
                "name = input('Name? ')",
                "print('Hello,', name)",
                "print(repr(sys.stdin.read()))",
                "try:",
                "    input()",
                "except EOFError:",
                "    print('EOF again')"));
        request.put("stdinBuffer", "shared");

        WorkerRun run = interactive(request, Arrays.asList("Ada Lovelace\n", "more\nlines\n", null, null));

        assertEquals("Hello, Ada Lovelace\n'more\\nlines\\n'\nEOF again\n", run.stdout(), run::toString);
        assertEquals(0, run.exitCode());
        List<Map<String, Object>> requests = run.ofType("stdin-request");
        assertEquals(4, requests.size(), run::toString);
        // fd 0 and 1 are character devices, so CPython's input() prompts the way it does on a terminal: on stderr.
        Map<String, Object> promptMessage = run.ofType("stderr").get(0);
        assertEquals("Name? ", promptMessage.get("text"), run::toString);
        int prompt = run.messages().indexOf(promptMessage);
        assertTrue(prompt < run.messages().indexOf(requests.get(0)), "the prompt must come before the request: " + run);
    }

    @Test
    void prefilledStdinComesBeforeInteractiveInputAndAnswersAreHandedOutInPieces() {
        Map<String, Object> request = python("import os\nprint(input())\nprint(os.read(0, 2), os.read(0, 2), os.read(0, 10))");
        request.put("stdin", "first\n");
        request.put("stdinBuffer", "shared");

        WorkerRun run = interactive(request, List.of("abcde"));

        assertEquals("first\nb'ab' b'cd' b'e'\n", run.stdout(), run::toString);
        assertEquals(1, run.ofType("stdin-request").size(), run::toString);
    }

    @Test
    void interactiveInputThroughASynchronousRequestWhenThereIsNoSharedBuffer() {
        List<StaticServer.Answer> answers = new ArrayList<>(List.of(
                stdinAnswer("retry", ""), stdinAnswer("data", "typed ✓\n"), stdinAnswer("eof", "")));
        server.answer("/stdin/sw-test", () -> answers.isEmpty() ? stdinAnswer("eof", "") : answers.remove(0));
        Map<String, Object> request = python("print(input())\ntry:\n    input()\nexcept EOFError:\n    print('eof')");
        request.put("stdinUrl", "/stdin/sw-test");

        WorkerRun run = run(request);

        assertEquals("typed ✓\neof\n", run.stdout(), run::toString);
        assertEquals(2, run.ofType("stdin-request").size(), run::toString);
        assertTrue(answers.isEmpty());
    }

    @Test
    void unansweredSynchronousRequestEndsInputWithAReason() {
        Map<String, Object> request = python("try:\n    input()\nexcept EOFError:\n    print('eof')");
        request.put("stdinUrl", "/stdin/nobody-answers");

        WorkerRun run = run(request);

        assertEquals("eof\n", run.stdout(), run::toString);
        assertEquals("wasiplay: interactive input is unavailable (no service worker answered /stdin/nobody-answers"
                + " (HTTP 404)); end of input\n", run.stderr(), run::toString);
    }

    @Test
    void filesAreReadableAndWritable() {
        Map<String, Object> request = request(List.of("python", "/main.py"));
        request.put("files", Map.of(
                "main.py", String.join("\n",
                        "import os",
                        "with open('/data/in.txt') as f: text = f.read()",
                        "with open('/result.txt', 'w') as f: f.write(text[::-1])",
                        "print(open('/result.txt').read())",
                        "print(sorted(os.listdir('/')))"),
                "/data/in.txt", "olleh ✓"));

        WorkerRun run = run(request);

        assertEquals("✓ hello\n['data', 'main.py', 'result.txt']\n", run.stdout(), run::toString);
        assertEquals(0, run.exitCode());
    }

    @Test
    void argvAndEnvironmentReachTheGuest() {
        Map<String, Object> request = request(List.of("python", "-c", "import os, sys; print(sys.argv[1:], os.environ['GREETING'])", "a b", "ç"));
        request.put("env", Map.of("GREETING", "grüß dich"));

        WorkerRun run = run(request);

        assertEquals("['a b', 'ç'] grüß dich\n", run.stdout(), run::toString);
    }

    @Test
    void outputStreamsWhileTheProgramRuns() {
        WorkerRun run = run(python("import time\nfor i in range(3):\n    print('tick', i, flush=True)\n    time.sleep(0.2)"));

        List<Map<String, Object>> stdout = run.ofType("stdout");
        assertEquals("tick 0\ntick 1\ntick 2\n", run.stdout(), run::toString);
        assertTrue(stdout.size() >= 2, run::toString);
        Map<String, Object> exit = run.last();
        assertEquals("exit", exit.get("type"));
        double firstToExitMs = run.receivedAt(exit) - run.receivedAt(stdout.get(0));
        assertTrue(firstToExitMs >= 400, "the first line arrived only " + firstToExitMs + " ms before the exit: " + run);
    }

    @Test
    void aBurstOfWritesArrivesWholeInFarFewerMessages() {
        WorkerRun run = run(request(List.of("python", "-u", "-c", "for i in range(20000): print(i)")));

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            expected.append(i).append('\n');
        }
        assertEquals(expected.toString(), run.stdout());
        assertEquals(0, run.exitCode());
        // -u writes each number and its newline separately: 40,000 writes.
        int messages = run.ofType("stdout").size();
        assertTrue(messages >= 1 && messages < 4000, messages + " stdout messages");
    }

    @Test
    void stdoutAndStderrKeepTheirOrderWhenJoined() {
        WorkerRun run = run(python("import sys\nfor i in range(3000):\n"
                + "    print(i, file=sys.stderr if i % 3 == 0 else sys.stdout, flush=True)"));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            expected.add((i % 3 == 0 ? "stderr " : "stdout ") + i);
        }
        List<String> arrived = new ArrayList<>();
        for (Map<String, Object> message : run.messages()) {
            if ("stdout".equals(message.get("type")) || "stderr".equals(message.get("type"))) {
                for (String line : ((String) message.get("text")).split("\n")) {
                    arrived.add(message.get("type") + " " + line);
                }
            }
        }
        assertEquals(expected, arrived);
    }

    @Test
    void sleepWaitsAtLeastTheRequestedTime() {
        WorkerRun run = run(python("import time\nt = time.monotonic()\ntime.sleep(0.1)\nprint(time.monotonic() - t >= 0.1)"));

        assertEquals("True\n", run.stdout(), run::toString);
        assertTrue(run.durationMs() >= 100, run::toString);
    }

    @Test
    void clockReadsTheWallTimeWithSubMillisecondPrecision() {
        long before = System.currentTimeMillis();
        WorkerRun run = run(python("import time\nprint(time.time_ns(), any(time.time_ns() % 1000000 for _ in range(100)))"));
        long after = System.currentTimeMillis();

        String[] fields = run.stdout().trim().split(" ");
        long guestMillis = Long.parseLong(fields[0]) / 1_000_000;
        assertTrue(guestMillis >= before - 1000 && guestMillis <= after + 1000, run::toString);
        assertEquals("True", fields[1], "time_ns() should not always be whole milliseconds: " + run);
    }

    @Test
    void multiByteCharacterSplitAcrossWritesSurvives() {
        WorkerRun run = run(python(String.join("\n",
                "import sys",
                "b = 'é€'.encode()",
                "for i in range(len(b)):",
                "    sys.stdout.buffer.write(b[i:i + 1]); sys.stdout.buffer.flush()",
                "sys.stdout.buffer.write(b'\\n'); sys.stdout.buffer.flush()",
                "sys.stdout.buffer.write(b'\\xc3')")));

        assertEquals("é€\n\uFFFD", run.stdout(), run::toString);
        assertTrue(run.ofType("stdout").size() >= 2, run::toString);
    }

    @Test
    void randomBytesAndGrownMemory() {
        WorkerRun run = run(python(String.join("\n",
                "import os",
                "r = os.urandom(200000)",
                "big = bytearray(256 * 1024 * 1024)",
                "print(len(r), len(set(r)) > 200, len(big))")));

        assertEquals("200000 True 268435456\n", run.stdout(), run::toString);
        assertEquals(0, run.exitCode());
    }

    @Test
    void trapIsReportedOnStderrWithExitCode134() {
        WorkerRun run = run(request("/trap.wasm", List.of("trap")));

        assertEquals(134, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("wasm trap: "), run::toString);
        assertTrue(run.stderr().contains("unreachable"), run::toString);
        assertEquals("trap", run.status());
        assertEquals(run.stderr(), run.last().get("message") + "\n");
    }

    // ---- limits: the same polyfill code as on the JVM; see also the CLI's browser engine for the time limit ----

    @Test
    void outputPastItsCapIsCutAndEndsTheRun() {
        Map<String, Object> request = python("while True:\n    print('x' * 99)\n");
        request.put("limits", Map.of("maxStdoutBytes", 10_000));

        WorkerRun run = run(request);

        assertEquals(134, run.exitCode(), run::toString);
        assertEquals("output-limit", run.status());
        assertEquals(10_000, run.stdout().length());
        assertEquals("output limit exceeded: stdout passed its limit of 10000 bytes\n", run.stderr());
        assertEquals(0, run(python("print('next')")).exitCode());
    }

    @Test
    void memoryPastItsCapEndsTheRunAtTheNextWasiCall() {
        Map<String, Object> request = python("print('started')\nhog = bytearray(200 * 1024 * 1024)\nprint('after')\n");
        request.put("limits", Map.of("maxMemoryBytes", 64 << 20));

        WorkerRun run = run(request);

        assertEquals(134, run.exitCode(), run::toString);
        assertEquals("memory", run.status());
        assertEquals("started\n", run.stdout());
        String reason = (String) run.last().get("message");
        assertTrue(reason.startsWith("memory limit exceeded: the guest's memory grew to "), reason);
        assertTrue(reason.endsWith(", past the limit of 1024 pages (64 MiB)"), reason);
        assertEquals(reason + "\n", run.stderr());
    }

    @Test
    void openingPastTheDescriptorLimitIsEmfile() {
        Map<String, Object> request = python(String.join("\n",
                "import errno",
                "files = []",
                "try:",
                "    while True: files.append(open('/f.txt', 'w'))",
                "except OSError as e:",
                "    print(errno.errorcode[e.errno], len(files))"));
        request.put("limits", Map.of("maxOpenFiles", 8));

        WorkerRun run = run(request);

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("ok", run.status());
        assertTrue(run.stdout().startsWith("EMFILE "), run::toString);
        assertTrue(Integer.parseInt(run.stdout().trim().substring(7)) < 8, run::toString);
    }

    @Test
    void badLimitsAreRejected() {
        Map<String, Object> negative = python("print(1)");
        negative.put("limits", Map.of("maxStdoutBytes", -1));
        assertEquals("invalid run message: limits.maxStdoutBytes must be a whole number, 0 or more", run(negative).error());

        Map<String, Object> unknown = python("print(1)");
        unknown.put("limits", Map.of("maxCpu", 1));
        assertEquals("invalid run message: unknown limit maxCpu (expected maxStdoutBytes, maxStderrBytes, "
                + "maxMemoryBytes, maxOpenFiles)", run(unknown).error());
    }

    @Test
    void missingModuleIsAnError() {
        WorkerRun run = run(request("/missing.wasm", List.of("x")));

        assertEquals("failed to load /missing.wasm: HTTP 404 Not Found", run.error());
    }

    @Test
    void invalidModuleIsAnError() {
        WorkerRun run = run(request("/not-wasm.wasm", List.of("x")));

        assertTrue(run.error().startsWith("failed to load /not-wasm.wasm: CompileError: "), run::toString);
    }

    @Test
    void malformedMessagesAreAnswered() {
        Map<String, Object> noArgv = new LinkedHashMap<>(Map.of("type", "run", "wasmUrl", PYTHON));
        assertEquals("invalid run message: argv must be an array of strings", run(noArgv).error());

        Map<String, Object> badFile = request(List.of("python"));
        badFile.put("files", Map.of("../escape.py", "x"));
        assertTrue(run(badFile).error().startsWith("invalid run message: files: "));

        assertEquals("unknown message type: stop (expected \"run\")", run(Map.of("type", "stop")).error());

        Map<String, Object> badStdinBuffer = python("pass");
        badStdinBuffer.put("stdinBuffer", "not a buffer");
        assertEquals("invalid run message: stdinBuffer must be a SharedArrayBuffer of more than 8 bytes",
                run(badStdinBuffer).error());

        WorkerRun stillWorks = run(python("print('ok')"));
        assertEquals("ok\n", stillWorks.stdout(), stillWorks::toString);
    }

    @Test
    void deterministicModeGivesJavasRandomStreamAndVirtualTime() {
        String code = "import os, time\n"
                + "print(os.urandom(100000).hex())\n"
                + "t = time.time(); time.sleep(60)\n"
                + "print(t, time.time() - t >= 60, os.stat('/').st_ino)";
        Map<String, Object> request = python(code);
        request.put("deterministic", Map.of("seed", 9));
        WorkerRun run = run(request);
        WorkerRun again = run(request);

        assertEquals(0, run.exitCode(), run::toString);
        String[] lines = run.stdout().split("\n");
        assertEquals(2, lines.length, run::toString);
        byte[] javaStream = new byte[102400];
        new SplitMix64(9).nextBytes(javaStream, 0, javaStream.length);
        String javaHex = java.util.HexFormat.of().formatHex(javaStream);
        int offset = javaHex.indexOf(lines[0]);
        assertTrue(offset >= 0 && offset % 2 == 0 && offset < 4096,
                "os.urandom's 100000 bytes in the browser are SplitMix64(9)'s stream (after CPython's start-up took "
                        + "its share), offset " + offset);
        assertTrue(lines[1].startsWith("1704067200.") && lines[1].endsWith(" True 1"), lines[1]);
        assertEquals(run.stdout(), again.stdout(), "the same seed, the same run");
        System.out.printf("deterministic run with 100000 random bytes: %.0f ms instantiate to exit%n", run.durationMs());

        Map<String, Object> otherSeed = python(code);
        otherSeed.put("deterministic", Map.of());   // the default seed
        assertTrue(!run(otherSeed).stdout().equals(run.stdout()));

        Map<String, Object> badSeed = python("pass");
        badSeed.put("deterministic", Map.of("seed", -1));
        assertEquals("invalid run message: deterministic.seed must be a whole number from 0 to 9007199254740991",
                run(badSeed).error());
        Map<String, Object> notObject = python("pass");
        notObject.put("deterministic", true);
        assertEquals("invalid run message: deterministic must be an object: {seed?: number}", run(notObject).error());
    }

    private static Map<String, Object> python(String code) {
        return request(List.of("python", "-c", code));
    }

    private static Map<String, Object> request(List<String> argv) {
        return request(PYTHON, argv);
    }

    private static Map<String, Object> request(String wasmUrl, List<String> argv) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", "run");
        request.put("wasmUrl", wasmUrl);
        request.put("argv", argv);
        return request;
    }

    private static WorkerRun run(Map<String, Object> request) {
        return evaluate(request, false);
    }

    /** Runs with the test page answering each stdin-request with the next answer (null = end of input). */
    @SuppressWarnings("unchecked")
    private static WorkerRun interactive(Map<String, Object> request, List<String> answers) {
        Object result = page.evaluate("([request, answers]) => runInWorker(request, false, answers)",
                List.of(request, answers));
        return new WorkerRun((List<Map<String, Object>>) result);
    }

    private static StaticServer.Answer stdinAnswer(String kind, String body) {
        return new StaticServer.Answer(200, Map.of("X-WasiPlay-Stdin", kind), body.getBytes(StandardCharsets.UTF_8));
    }

    private static WorkerRun runInFreshWorker(Map<String, Object> request) {
        return evaluate(request, true);
    }

    private static WorkerRun evaluate(Map<String, Object> request, boolean freshWorker) {
        return WorkerRun.of(page.evaluate("([request, fresh]) => runInWorker(request, fresh)",
                List.of(request, freshWorker)));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WorkerInChromiumTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** A WASI command whose _start executes {@code unreachable}; it exports a one-page memory. */
    private static final byte[] TRAP_MODULE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,             // magic, version 1
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,                         // type section: () -> ()
        0x03, 0x02, 0x01, 0x00,                                     // function section: one function of type 0
        0x05, 0x03, 0x01, 0x00, 0x01,                               // memory section: min 1 page
        0x07, 0x13, 0x02,                                           // export section, 2 exports
        0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00,             //   "memory" = memory 0
        0x06, '_', 's', 't', 'a', 'r', 't', 0x00, 0x00,             //   "_start" = function 0
        0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b,                   // code: no locals, unreachable, end
    };
}
