package dev.wasiplay.host;

import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.charset.StandardCharsets;

/**
 * How a run ended.
 *
 * @param exitCode   0 when {@code _start} returned, the code given to proc_exit, or {@link ChicoryHost#TRAP_EXIT_CODE}
 *                   when the run did not end by itself (any {@code status} but OK; the reason is then the last line
 *                   of {@code stderr})
 * @param stdout     everything the guest wrote to fd 1 (up to its cap)
 * @param stderr     everything the guest wrote to fd 2 (up to its cap), plus the line saying why the run ended
 *                   when it did not end by itself
 * @param durationMs wall time of the run, instantiation included
 * @param fileSystem the run's file tree ("/") as the guest left it
 * @param status     OK when the guest ended by itself, whatever its exit code; otherwise what ended it
 * @param message    one line for people: "exited with code 3", or why the run ended (the line added to stderr)
 */
public record RunOutcome(int exitCode, byte[] stdout, byte[] stderr, long durationMs, VirtualFileSystem fileSystem,
        RunStatus status, String message) {

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
