package dev.wasiplay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Runs a command to its end; its stderr goes to ours. */
final class Commands {
    private Commands() {
    }

    /** Standard output; throws with the output when the command fails. */
    static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit status " + status
                    + (status == 139 ? " (segmentation fault)" : "") + "; its output: " + NodeWasi.abbreviate(out));
        }
        return out;
    }

    /** Whether an executable of this name is on the PATH. */
    static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && new java.io.File(dir, name).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
