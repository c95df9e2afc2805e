package dev.wasiplay.cli;

/** What {@code --engine both} prints when the two engines' results differ. */
final class EngineComparison {
    private EngineComparison() {}

    /** Empty when exit code, status, stdout and stderr agree; else a headline and unified diffs of what differs. */
    static String report(EngineResult chicory, EngineResult browser) {
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
        if (differences.length() == 0) {
            return "";
        }
        return "wasiplay: the engines differ in " + differences + "\n" + details;
    }
}
