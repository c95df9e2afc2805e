package dev.wasiplay.cli;

import dev.wasiplay.host.parity.Difference;
import dev.wasiplay.host.parity.ParityReport;
import java.util.Map;

/** What {@code --engine both} prints when the two engines' results differ. */
final class EngineComparison {
    private EngineComparison() {}

    /** A file entry of a difference: "created, 5 bytes, sha256 2cf24dba5fb0", or "unchanged". */
    private static String describe(Object value) {
        if (!(value instanceof Map<?, ?> file)) {
            return "unchanged";
        }
        String text = file.get("change") + ", " + file.get("size") + " bytes";
        return file.get("sha256") == null ? text : text + ", sha256 " + ((String) file.get("sha256")).substring(0, 12);
    }

    /**
     * Empty when the parity report (of these two results) says identical; else a headline, unified diffs of stdout
     * and stderr, a line per file the engines changed differently, and the seed of a deterministic run.
     */
    static String report(EngineResult chicory, EngineResult browser, ParityReport parity) {
        StringBuilder differences = new StringBuilder();
        StringBuilder details = new StringBuilder();
        if (chicory.exitCode() != browser.exitCode() || !chicory.status().equals(browser.status())) {
            differences.append("exit code");
            details.append("exit code: chicory ").append(chicory.exitCode()).append(" (").append(chicory.status())
                    .append("), browser ").append(browser.exitCode()).append(" (").append(browser.status())
                    .append(")\n");
        }
        String stdout = UnifiedDiff.of("chicory stdout", "browser stdout", chicory.stdoutText(), browser.stdoutText());
        if (!stdout.isEmpty()) {
            differences.append(differences.length() == 0 ? "" : ", ").append("stdout");
            details.append(stdout);
        }
        String stderr = UnifiedDiff.of("chicory stderr", "browser stderr", chicory.stderrText(), browser.stderrText());
        if (!stderr.isEmpty()) {
            differences.append(differences.length() == 0 ? "" : ", ").append("stderr");
            details.append(stderr);
        }
        for (Difference d : parity.differences()) {
            if (d.field().equals("files")) {
                if (details.indexOf("files:") < 0) {
                    differences.append(differences.length() == 0 ? "" : ", ").append("files");
                }
                details.append("files: ").append(d.path()).append(": chicory ").append(describe(d.values().get(0)))
                        .append(", browser ").append(describe(d.values().get(1))).append('\n');
            }
        }
        if (parity.identical()) {
            return "";
        }
        if (parity.seed() != null) {
            details.append("deterministic mode, seed ").append(parity.seed()).append('\n');
        }
        return "wasiplay: the engines differ in " + differences + "\n" + details;
    }
}
