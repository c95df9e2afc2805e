package dev.wasiplay.e2e.parity;

import dev.wasiplay.e2e.parity.NodeWasi.NodeResult;
import dev.wasiplay.e2e.parity.ParityCase.NodeExpectation.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The three-way judgement of one case: our two engines against each other (and the manifest's
 * {@code enginesDiffer}), then, where they agree, Node against them (and the manifest's {@code node}).
 *
 * @param engines          how our engines compare
 * @param comparison       their differences (null when not compared)
 * @param node             how Node compares with our engines
 * @param nodeDifferences  what Node did otherwise, when it differs from our (agreeing) engines
 * @param problems         what is wrong, each a message for people; empty when the case passes
 */
public record ParityVerdict(ParityCase parityCase, Engines engines, RunComparison comparison, NodeOutcome node,
        List<String> nodeDifferences, List<String> problems) {

    public static final String NOT_COMPARED_YET = "not compared yet (needs deterministic mode)";

    public ParityVerdict {
        Objects.requireNonNull(parityCase, "parityCase");
        nodeDifferences = List.copyOf(nodeDifferences);
        problems = List.copyOf(problems);
    }

    /** Our two engines, browser and Chicory. */
    public enum Engines {
        AGREE("agree"),
        DIFFER_AS_LISTED("differ, as enginesDiffer says"),
        DIFFER("DIFFER (not listed in enginesDiffer)"),
        AGREE_BUT_LISTED("agree, but enginesDiffer says they differ"),
        NO_RESULT("no result"),
        NOT_COMPARED(NOT_COMPARED_YET),
        NOT_SELECTED("not run (left out by -Dwasiplay.parity.cases)");

        public final String label;

        Engines(String label) {
            this.label = label;
        }
    }

    /** Node's WASI against our engines. */
    public enum NodeOutcome {
        AGREES("agrees"),
        DIFFERS_AS_LISTED("differs, as node.differs says"),
        DIFFERS("DIFFERS (not listed in node.differs)"),
        AGREES_DESPITE_LISTED("agrees, although node.differs says it differs"),
        SKIPPED("not run (node.skip)"),
        NO_RESULT("no result"),
        NOT_COMPARED("not compared (our engines did not both give the same result)"),
        OURS_NOT_RUN("not compared (our engines did not run the case)");

        public final String label;

        NodeOutcome(String label) {
            this.label = label;
        }
    }

    /** Not run on our engines: deterministic mode is not available yet. */
    public static ParityVerdict notCompared(ParityCase c) {
        return new ParityVerdict(c, Engines.NOT_COMPARED, null, NodeOutcome.OURS_NOT_RUN, List.of(), List.of());
    }

    /** Not run: left out by {@link ParityCorpusEnginesTest#CASES_PROPERTY}. */
    public static ParityVerdict notSelected(ParityCase c) {
        return new ParityVerdict(c, Engines.NOT_SELECTED, null, NodeOutcome.OURS_NOT_RUN, List.of(), List.of());
    }

    /**
     * Judges a case.
     *
     * @param node Node's result, null when the case does not apply to Node
     */
    public static ParityVerdict judge(ParityCase c, EngineRun chicory, EngineRun browser, NodeResult node) {
        List<String> problems = new ArrayList<>();
        RunComparison comparison = RunComparison.of(chicory, browser);
        Engines engines;
        if (!chicory.completed() || !browser.completed()) {
            engines = Engines.NO_RESULT;
            problems.add(c.id() + ": " + String.join("; ", comparison.differences()));
        } else if (c.enginesDiffer().isEmpty()) {
            engines = comparison.same() ? Engines.AGREE : Engines.DIFFER;
            if (!comparison.same()) {
                problems.add(c.id() + ": the browser and Chicory differ:\n  " + String.join("\n  ", comparison.differences())
                        + "\nFix the engine, or, if this is a known and explained difference, give the case "
                        + "\"enginesDiffer\": why in corpus.json.");
            }
        } else {
            engines = comparison.same() ? Engines.AGREE_BUT_LISTED : Engines.DIFFER_AS_LISTED;
            if (comparison.same()) {
                problems.add(c.id() + ": the browser and Chicory now agree, but corpus.json says they differ (\""
                        + c.enginesDiffer().get() + "\"): remove its enginesDiffer.");
            }
        }
        if (engines == Engines.AGREE || engines == Engines.AGREE_BUT_LISTED) {
            for (EngineRun run : List.of(chicory, browser)) {
                Integer exit = run.trapped() ? null : "ok".equals(run.status()) ? run.exitCode() : Integer.valueOf(-1);
                if (!c.exit().matches(exit)) {
                    problems.add(c.id() + ": should end with " + c.exit() + " but on " + run.engine() + " it ended with "
                            + run.ending() + "\n--- stderr (last 2000 bytes):\n" + tail(run.stderr()));
                }
            }
        }

        NodeOutcome nodeOutcome;
        List<String> nodeDifferences = List.of();
        if (!c.node().applies()) {
            nodeOutcome = NodeOutcome.SKIPPED;
        } else if (engines != Engines.AGREE && engines != Engines.AGREE_BUT_LISTED) {
            nodeOutcome = NodeOutcome.NOT_COMPARED;
        } else if (node == null || !node.completed()) {
            nodeOutcome = NodeOutcome.NO_RESULT;
            problems.add(c.id() + ": no result from Node: " + (node == null ? "not run" : node.failure()));
        } else {
            nodeDifferences = nodeDifferences(chicory, node);
            boolean listed = c.node().verdict() == Verdict.DIFFERS;
            if (nodeDifferences.isEmpty()) {
                nodeOutcome = listed ? NodeOutcome.AGREES_DESPITE_LISTED : NodeOutcome.AGREES;
            } else {
                nodeOutcome = listed ? NodeOutcome.DIFFERS_AS_LISTED : NodeOutcome.DIFFERS;
                if (!listed) {
                    problems.add(c.id() + ": our engines agree, but Node's WASI does not:\n  "
                            + String.join("\n  ", nodeDifferences) + "\nIf Node is wrong or merely different here, "
                            + "give the case \"node\": {\"differs\": why} in corpus.json.");
                }
            }
        }
        return new ParityVerdict(c, engines, comparison, nodeOutcome, nodeDifferences, problems);
    }

    /**
     * How Node's result differs from one of our runs. Node's runner reports a trap apart from stderr, where our
     * engines add a closing line ({@code wasm trap: ...}) on a line of its own: our stderr must be exactly Node's
     * followed by that line.
     */
    static List<String> nodeDifferences(EngineRun ours, NodeResult node) {
        List<String> differences = new ArrayList<>();
        String nodeEnding = node.exitCode() == null ? "trap" : "exit " + node.exitCode();
        String ourEnding = ours.trapped() ? "trap" : "ok".equals(ours.status()) ? "exit " + ours.exitCode() : ours.ending();
        if (!nodeEnding.equals(ourEnding)) {
            differences.add("ending: ours " + ours.ending() + ", Node " + node.ending());
        }
        if (!ours.stdoutSha256().equals(node.stdoutSha256())) {
            differences.add("stdout differs at byte " + RunComparison.firstDifference(ours.stdout(),
                    node.stdout().getBytes(StandardCharsets.UTF_8)) + " (ours " + ours.stdout().length + " bytes, Node "
                    + node.stdout().getBytes(StandardCharsets.UTF_8).length + " bytes as UTF-8 text)");
        }
        byte[] nodeStderr = node.stderr().getBytes(StandardCharsets.UTF_8);
        boolean nodeStderrExact = EngineRun.sha256(nodeStderr).equals(node.stderrSha256());
        byte[] expected = withHostLine(nodeStderr, ours);
        byte[] actual = nodeStderrExact ? ours.stderr() : RunComparison.decodeLikeTextDecoder(ours.stderr());
        if (!java.util.Arrays.equals(expected, actual)) {
            differences.add("stderr differs at byte " + RunComparison.firstDifference(actual, expected) + " (ours "
                    + actual.length + " bytes, Node " + nodeStderr.length + " bytes"
                    + (ours.trapped() || !"ok".equals(ours.status()) ? " plus our closing line" : "") + ")");
        }
        TreeSet<String> paths = new TreeSet<>(ours.files().keySet());
        paths.addAll(node.files().keySet());
        for (String path : paths) {
            String o = ours.files().get(path);
            String n = node.files().get(path);
            if (!Objects.equals(o, n)) {
                differences.add("file " + path + ": ours " + (o == null ? "absent" : o) + ", Node " + (n == null ? "absent" : n));
            }
        }
        return differences;
    }

    /** Node's guest stderr as our engines would print it: with the host's closing line when the run was stopped. */
    private static byte[] withHostLine(byte[] guestStderr, EngineRun ours) {
        if (ours.message() == null || "ok".equals(ours.status())) {
            return guestStderr;
        }
        boolean atLineStart = guestStderr.length == 0 || guestStderr[guestStderr.length - 1] == '\n';
        byte[] line = ((atLineStart ? "" : "\n") + ours.message() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(guestStderr, guestStderr.length + line.length);
        System.arraycopy(line, 0, all, guestStderr.length, line.length);
        return all;
    }

    private static String tail(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }
}
