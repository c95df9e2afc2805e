package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pre-started instance of the server's default mode ({@link PythonExecutors#FASTEST_MODE}: CPython compiled to JVM
 * bytecode) must give exactly what a fresh {@code python /main.py} on {@link ChicoryHost}'s interpreter gives:
 * same stdout, stderr, exit code and files left behind. Each program runs both ways and the outcomes are
 * compared byte for byte (the direct runs cost seconds each on the interpreter, so the programs are few and
 * each checks several things).
 */
class ExecutionModeParityTest {

    private static PythonExecutor prestarted;

    @BeforeAll
    static void startPool() {
        prestarted = PythonExecutors.create(PythonExecutors.FASTEST_MODE, 2);
    }

    @AfterAll
    static void closePool() {
        prestarted.close();
    }

    @Test
    void theDefaultModeRunsTheClassesCompiledAtBuildTime() {
        assertTrue(CompiledPython.precompiled(), "compiled-python.jar from the build was not used: compiled at run time");
    }

    /** One program: its files (the first is the script), its argv after "python", its stdin. */
    private record Program(Map<String, String> files, List<String> argv, String stdin) {
        RunSpec spec() {
            RunSpec.Builder spec = RunSpec.builder().stdin(stdin.getBytes(StandardCharsets.UTF_8));
            List<String> full = new ArrayList<>();
            full.add("python");
            full.addAll(argv);
            spec.argv(full);
            files.forEach((path, text) -> spec.file(path, text.getBytes(StandardCharsets.UTF_8)));
            return spec.build();
        }
    }

    private static Program script(String source, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("/main.py");
        argv.addAll(List.of(args));
        return new Program(Map.of("/main.py", source), argv, "");
    }

    /** Runs both ways; asserts they agree and returns the direct outcome for further checks. */
    private static RunOutcome assertSameOutcome(Program program, String... filesToCompare) {
        RunOutcome direct = ChicoryHost.run(GuestModule.python(), program.spec());
        RunOutcome pooled = prestarted.run(program.spec());
        assertEquals(direct.stdoutText(), pooled.stdoutText(), "stdout");
        assertEquals(direct.stderrText(), pooled.stderrText(), "stderr");
        assertEquals(direct.exitCode(), pooled.exitCode(), "exit code");
        for (String path : filesToCompare) {
            assertEquals(new String(direct.fileSystem().readFile(path), StandardCharsets.UTF_8),
                    new String(pooled.fileSystem().readFile(path), StandardCharsets.UTF_8), path);
        }
        return direct;
    }

    @Test
    void helloAndWhatTheScriptSeesOfItsProcess() {
        RunOutcome outcome = assertSameOutcome(script("""
                import sys
                print('hello')
                print(sys.argv, sys.orig_argv, sys.path[0], __name__, __file__, __spec__, __package__, __doc__)
                print(list(globals()))
                print(type(__loader__).__name__, __loader__.name, __loader__.path)
                print(sorted(sys.modules))
                print(sys.flags)
                """, "first arg", "ünïcode", "--flag"));
        assertTrue(outcome.stdoutText().startsWith("hello\n['/main.py', 'first arg', 'ünïcode', '--flag']"),
                outcome.stdoutText());
    }

    @Test
    void uncaughtChainedExceptionPrintsTheSameTraceback() {
        RunOutcome outcome = assertSameOutcome(script("""
                def inner():
                    return {}['missing']
                def outer():
                    try:
                        inner()
                    except KeyError as e:
                        raise ValueError('wrapped') from e
                print('before')
                outer()
                """));
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.stderrText().startsWith("Traceback (most recent call last):\n  File \"/main.py\""),
                outcome.stderrText());
    }

    @Test
    void exitCodesAndExitMessages() {
        assertEquals(3, assertSameOutcome(script("import sys\nprint('x', file=sys.stderr)\nsys.exit(3)")).exitCode());
        RunOutcome message = assertSameOutcome(script("raise SystemExit('bye now')"));
        assertEquals(1, message.exitCode());
        assertEquals("bye now\n", message.stderrText());
    }

    @Test
    void syntaxErrorAndMissingScript() {
        assertEquals(1, assertSameOutcome(script("print('unclosed'\n")).exitCode());
        assertEquals(2, assertSameOutcome(new Program(Map.of("/other.py", ""), List.of("/main.py"), "")).exitCode());
    }

    @Test
    void stdinWithInputAndRead() {
        RunOutcome outcome = assertSameOutcome(new Program(Map.of("/main.py", """
                import sys
                name = input('name? ')
                rest = sys.stdin.read()
                print(f'hi {name}; rest={rest!r}')
                """), List.of("/main.py"), "Ada\nline two\nline three"));
        assertTrue(outcome.stdoutText().contains("hi Ada; rest="), outcome.stdoutText());
    }

    @Test
    void filesAndImportsFromTheScriptsDirectory() {
        RunOutcome outcome = assertSameOutcome(new Program(Map.of(
                "/pkg/app.py", """
                        import os, sys, helper
                        print(sys.path[0], helper.greet(), sorted(os.listdir('/')), sorted(os.listdir('/pkg')))
                        with open('/pkg/data.txt') as f:
                            words = f.read().split()
                        os.makedirs('/out', exist_ok=True)
                        with open('/out/result.txt', 'w') as f:
                            f.write(' '.join(reversed(words)))
                        """,
                "/pkg/helper.py", "def greet():\n    return 'from helper'\n",
                "/pkg/data.txt", "one two three"), List.of("/pkg/app.py"), ""), "/out/result.txt");
        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("three two one", new String(outcome.fileSystem().readFile("/out/result.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aRunFromAnImageIsServedAndStartsFromTheSameTree() {
        VirtualFileSystem tree = new VirtualFileSystem();
        tree.writeFile("/main.py", """
                import os
                for top, dirs, files in sorted(os.walk('/')):
                    for name in sorted(files):
                        st = os.stat(os.path.join(top, name))
                        print(os.path.join(top, name), st.st_size, st.st_mtime)
                """.getBytes(StandardCharsets.UTF_8));
        tree.writeFile("/data/in.txt", "input".getBytes(StandardCharsets.UTF_8));
        byte[] image = TarImage.create(tree);
        RunSpec spec = RunSpec.builder().argv(List.of("python", "/main.py")).image(image).build();
        assertTrue(PrestartedPython.servable(spec), "an image does not need a fresh instance");
        RunOutcome direct = ChicoryHost.run(GuestModule.python(), spec);
        int servedBefore = ((PrestartedPython) prestarted).served();
        RunOutcome pooled = prestarted.run(spec);
        assertEquals(servedBefore + 1, ((PrestartedPython) prestarted).served(), "served by a pre-started instance");
        assertEquals(0, direct.exitCode(), direct.stderrText());
        assertEquals(direct.stdoutText(), pooled.stdoutText());
        assertEquals(direct.stderrText(), pooled.stderrText());
        assertTrue(direct.stdoutText().contains("/data/in.txt 5 "), direct.stdoutText());
        assertArrayEquals(TarImage.create(direct.fileSystem()), TarImage.create(pooled.fileSystem()),
                "both trees after the run");
    }

    @Test
    void interruptingTheCallerStopsAPrestartedRun() throws Exception {
        // Deterministic on a loaded machine: an instance is ready, and the interrupt comes once the program runs.
        assertTrue(((PrestartedPython) prestarted).awaitReady(1, 180_000), "no pre-started instance became ready");
        Thread caller = Thread.currentThread();
        RunOutcome outcome = prestarted.run(RunSpec.builder()
                .argv(List.of("python", "/main.py"))
                .file("/main.py", "print('spinning', flush=True)\nwhile True: pass".getBytes(StandardCharsets.UTF_8))
                .stdout((bytes, offset, length) -> caller.interrupt())
                .build());
        boolean interrupted = Thread.interrupted();
        assertTrue(interrupted, "the caller's interrupt status is left set");
        assertEquals(ChicoryHost.TRAP_EXIT_CODE, outcome.exitCode());
        assertEquals("spinning\n", outcome.stdoutText());
        assertEquals("run interrupted\n", outcome.stderrText());
    }

    @Test
    void runsThePrestartedModeCannotReproduceGoToAFreshInstance() {
        RunSpec withEnv = RunSpec.builder().argv(List.of("python", "-c", "import os; print(os.environ['X'])"))
                .env("X", "42").build();
        assertEquals(false, PrestartedPython.servable(withEnv));
        RunOutcome outcome = prestarted.run(withEnv);
        assertEquals("42\n", outcome.stdoutText(), outcome.stderrText());
    }
}
