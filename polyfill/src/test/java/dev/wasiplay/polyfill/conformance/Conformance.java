package dev.wasiplay.polyfill.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Compares what an engine did with a case against what the case expects. */
public final class Conformance {
    private Conformance() {
    }

    /** How a run ended, engine-neutral: the tree is the TarImage of the whole tree after the run. */
    public record Result(int exitCode, String stdout, String stderr, byte[] image) {
    }

    /**
     * Asserts exit code, stdout, stderr and the resulting tree all equal the expected ones. With the system
     * property {@code wasiplay.conformance.dump} set to a directory, the actual results are also written
     * there ({@code <case>.<engine>.txt}), for reviewing a new case.
     */
    public static void check(GuestCase guest, String engine, Result result) {
        dump(guest, engine, result);
        String where = guest.name() + " on " + engine + ": ";
        assertAll(
                () -> assertEquals(guest.expectedStdout(), result.stdout(), where + "stdout"),
                () -> assertEquals(guest.expectedStderr(), result.stderr(), where + "stderr"),
                () -> assertEquals(guest.expectedExitCode(), result.exitCode(),
                        where + "exit code (stderr: " + result.stderr() + ")"),
                () -> assertEquals(guest.expectedTree().listing(), FileTree.listing(result.image()), where + "tree"));
    }

    private static void dump(GuestCase guest, String engine, Result result) {
        String dir = System.getProperty("wasiplay.conformance.dump");
        if (dir == null) {
            return;
        }
        String text = "exit " + result.exitCode() + "\n--- stdout\n" + result.stdout() + "--- stderr\n"
                + result.stderr() + "--- tree\n" + FileTree.listing(result.image()) + "\n";
        try {
            java.nio.file.Path out = java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            java.nio.file.Files.writeString(out.resolve(guest.name() + "." + engine + ".txt"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
