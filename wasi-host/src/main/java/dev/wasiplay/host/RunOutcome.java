package dev.wasiplay.host;

import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.charset.StandardCharsets;

/**
 * How a run ended.
 *
 * @param exitCode   0 when {@code _start} returned, the code given to proc_exit, or {@link ChicoryHost#TRAP_EXIT_CODE}
 *                   when the guest trapped or the host failed (the reason is then the last line of {@code stderr})
 * @param stdout     everything the guest wrote to fd 1
 * @param stderr     everything the guest wrote to fd 2, plus the trap line if any
 * @param durationMs wall time of the run, instantiation included
 * @param fileSystem the run's file tree ("/") as the guest left it
 */
public record RunOutcome(int exitCode, byte[] stdout, byte[] stderr, long durationMs, VirtualFileSystem fileSystem) {

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
