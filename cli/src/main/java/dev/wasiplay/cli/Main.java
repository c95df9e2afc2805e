package dev.wasiplay.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar wasiplay-cli.jar run [OPTIONS] MODULE [ARGS...]} (what {@code ./wasiplay run} starts): see
 * {@link CliOptions#USAGE}. Exits with the guest's exit code.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // The guest's output goes straight to fds 1 and 2, unbuffered apart from what the guest buffers itself.
        int exitCode = new RunCommand(System.in, stdinIsTerminal(),
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err),
                System.getenv(), Path.of("")).run(args);
        System.exit(exitCode);
    }

    /** Whether fd 0 is a terminal (Linux: /proc/self/fd/0 points at /dev/pts/N or /dev/ttyN). */
    private static boolean stdinIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
