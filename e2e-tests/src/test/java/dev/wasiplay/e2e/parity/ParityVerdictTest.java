package dev.wasiplay.e2e.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.e2e.parity.NodeWasi.NodeResult;
import dev.wasiplay.e2e.parity.ParityCase.ExpectedExit;
import dev.wasiplay.e2e.parity.ParityCase.Kind;
import dev.wasiplay.e2e.parity.ParityCase.NodeExpectation;
import dev.wasiplay.e2e.parity.ParityCase.NodeExpectation.Verdict;
import dev.wasiplay.e2e.parity.ParityVerdict.Engines;
import dev.wasiplay.e2e.parity.ParityVerdict.NodeOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The comparison behind {@link ParityCorpusEnginesTest}, on made-up runs: any difference in the ending, a byte of
 * output or a file fails the case unless the manifest lists it, a listed difference that went away fails too, and
 * Node must agree with our engines unless the case says it differs.
 */
class ParityVerdictTest {
    private static final byte[] OUT = "hello\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void identicalRunsPassAndNodeAgreeing() {
        ParityVerdict v = ParityVerdict.judge(plain(), chicory(0, "ok", OUT, files()), browser(0, "ok", OUT, files()),
                node(0, OUT, "", files()));
        assertEquals(Engines.AGREE, v.engines());
        assertEquals(NodeOutcome.AGREES, v.node());
        assertTrue(v.problems().isEmpty(), v.problems().toString());
    }

    @Test
    void oneByteOfStdoutFailsTheCase() {
        ParityVerdict v = ParityVerdict.judge(plain(), chicory(0, "ok", OUT, files()),
                browser(0, "ok", "hellp\n".getBytes(StandardCharsets.UTF_8), files()), node(0, OUT, "", files()));
        assertEquals(Engines.DIFFER, v.engines());
        assertEquals(List.of("stdout differs at byte 4 (chicory 6 bytes, browser 6 bytes): chicory \"hello\\n\", "
                + "browser \"hellp\\n\""), v.comparison().differences());
        assertFalse(v.problems().isEmpty());
        assertTrue(v.problems().get(0).contains("enginesDiffer"), v.problems().get(0));
    }

    @Test
    void theExitCodeTheStatusAndEveryFileCount() {
        assertFalse(ParityVerdict.judge(plain(), chicory(0, "ok", OUT, files()), browser(1, "ok", OUT, files()), null)
                .problems().isEmpty());
        assertFalse(ParityVerdict.judge(plain(), chicory(134, "trap", OUT, files()), browser(134, "memory", OUT, files()), null)
                .problems().isEmpty());
        SortedMap<String, String> more = files();
        more.put("/out/extra", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        ParityVerdict extraFile = ParityVerdict.judge(plain(), chicory(0, "ok", OUT, files()), browser(0, "ok", OUT, more), null);
        assertEquals(List.of("file /out/extra only in browser (e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855)"),
                extraFile.comparison().differences());
        SortedMap<String, String> changed = files();
        changed.put("/main.py", "0000");
        assertFalse(ParityVerdict.judge(plain(), chicory(0, "ok", OUT, files()), browser(0, "ok", OUT, changed), null)
                .problems().isEmpty());
    }

    @Test
    void aListedDifferencePassesButMustStillBeThere() {
        ParityCase listed = parityCase(Optional.of("the engines word traps differently"), NodeExpectation.SAME_AS_OURS);
        ParityVerdict differing = ParityVerdict.judge(listed, chicory(0, "ok", OUT, files()),
                browser(0, "ok", "other\n".getBytes(StandardCharsets.UTF_8), files()), null);
        assertEquals(Engines.DIFFER_AS_LISTED, differing.engines());
        assertTrue(differing.problems().isEmpty());
        ParityVerdict agreeing = ParityVerdict.judge(listed, chicory(0, "ok", OUT, files()), browser(0, "ok", OUT, files()),
                node(0, OUT, "", files()));
        assertEquals(Engines.AGREE_BUT_LISTED, agreeing.engines());
        assertTrue(agreeing.problems().get(0).contains("remove its enginesDiffer"), agreeing.problems().toString());
    }

    @Test
    void stdoutThatIsNotUtf8IsComparedAsTheWorkerDecodesItAndSaysSo() {
        byte[] raw = {'a', (byte) 0xff, (byte) 0xc3, '(', '\n'};
        byte[] decoded = "a\uFFFD\uFFFD(\n".getBytes(StandardCharsets.UTF_8);
        ParityVerdict v = ParityVerdict.judge(plain(), chicory(0, "ok", raw, files()), browser(0, "ok", decoded, files()), null);
        assertTrue(v.comparison().same(), v.comparison().differences().toString());
        assertEquals(1, v.comparison().notes().size());
        byte[] otherwise = "a\uFFFD(\n".getBytes(StandardCharsets.UTF_8);
        assertFalse(ParityVerdict.judge(plain(), chicory(0, "ok", raw, files()), browser(0, "ok", otherwise, files()), null)
                .comparison().same());
    }

    @Test
    void nodeMustAgreeWithOurEnginesUnlessTheCaseSaysItDiffers() {
        NodeResult otherStdout = node(0, "bye\n".getBytes(StandardCharsets.UTF_8), "", files());
        ParityVerdict unlisted = ParityVerdict.judge(plain(), chicory(0, "ok", OUT, files()), browser(0, "ok", OUT, files()),
                otherStdout);
        assertEquals(NodeOutcome.DIFFERS, unlisted.node());
        assertTrue(unlisted.problems().get(0).contains("node"), unlisted.problems().toString());

        ParityCase differs = parityCase(Optional.empty(), new NodeExpectation(Verdict.DIFFERS, Optional.of("Node is odd")));
        ParityVerdict listed = ParityVerdict.judge(differs, chicory(0, "ok", OUT, files()), browser(0, "ok", OUT, files()),
                otherStdout);
        assertEquals(NodeOutcome.DIFFERS_AS_LISTED, listed.node());
        assertTrue(listed.problems().isEmpty());
    }

    @Test
    void nodeReportsATrapApartFromStderrWhereOursAddsItsClosingLine() {
        ParityCase traps = new ParityCase("c/001-t", Kind.C, Path.of("c/001-t.c"), List.of(), new byte[0],
                ExpectedExit.trapped(), false, Optional.empty(), NodeExpectation.SAME_AS_OURS);
        byte[] stderr = "partial line\nwasm trap: unreachable\n".getBytes(StandardCharsets.UTF_8);
        EngineRun ours = new EngineRun("chicory", null, 134, "trap", "wasm trap: unreachable", OUT, false, stderr, false,
                files(), 1);
        NodeResult nodeTrap = new NodeResult(null, null, "RuntimeError: unreachable", "hello\n", "partial line",
                EngineRun.sha256(OUT), EngineRun.sha256("partial line".getBytes(StandardCharsets.UTF_8)), files(), 1);
        assertEquals(List.of(), ParityVerdict.nodeDifferences(ours, nodeTrap));
        NodeResult nodeExit = new NodeResult(null, 1, null, "hello\n", "partial line", EngineRun.sha256(OUT),
                EngineRun.sha256("partial line".getBytes(StandardCharsets.UTF_8)), files(), 1);
        assertEquals(1, ParityVerdict.nodeDifferences(ours, nodeExit).size());
        ParityVerdict v = ParityVerdict.judge(traps, ours, ours, nodeTrap);
        assertTrue(v.problems().isEmpty(), v.problems().toString());
    }

    private static ParityCase plain() {
        return parityCase(Optional.empty(), NodeExpectation.SAME_AS_OURS);
    }

    private static ParityCase parityCase(Optional<String> enginesDiffer, NodeExpectation node) {
        return new ParityCase("python/001-x", Kind.PYTHON, Path.of("python/001-x.py"), List.of(), new byte[0],
                ExpectedExit.status(0), false, enginesDiffer, node);
    }

    private static SortedMap<String, String> files() {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("/main.py", "ab12");
        files.put("/out/", "dir");
        return files;
    }

    private static EngineRun chicory(int exit, String status, byte[] stdout, SortedMap<String, String> files) {
        return new EngineRun("chicory", null, exit, status, "ok".equals(status) ? null : "wasm trap: x", stdout, false,
                new byte[0], false, files, 1);
    }

    private static EngineRun browser(int exit, String status, byte[] stdout, SortedMap<String, String> files) {
        return new EngineRun("browser", null, exit, status, "ok".equals(status) ? null : "wasm trap: x", stdout, true,
                new byte[0], true, files, 1);
    }

    private static NodeResult node(int exit, byte[] stdout, String stderr, Map<String, String> files) {
        return new NodeResult(null, exit, null, new String(stdout, StandardCharsets.UTF_8), stderr, EngineRun.sha256(stdout),
                EngineRun.sha256(stderr.getBytes(StandardCharsets.UTF_8)), files, 1);
    }
}
