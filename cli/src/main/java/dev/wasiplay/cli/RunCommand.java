package dev.wasiplay.cli;

import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.InvalidModuleException;
import dev.wasiplay.host.RunLimits;
import dev.wasiplay.host.StreamStdin;
import dev.wasiplay.host.parity.ParityReport;
import dev.wasiplay.polyfill.StdinSource;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code wasiplay run}: parses the command line, loads the module and the {@code --dir} directories, runs the module
 * on the chosen engine(s), writes the directories back and returns the exit code. Everything the CLI itself says goes
 * to stderr as one line starting "wasiplay: ".
 */
final class RunCommand {
    static final int STOPPED_EXIT_CODE = 134;
    static final int FAILURE_EXIT_CODE = 1;
    static final int USAGE_EXIT_CODE = 2;

    private final InputStream stdin;
    private final boolean stdinIsTerminal;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final PrintStream messages;
    private final Map<String, String> hostEnv;
    private final Path cwd;

    /**
     * @param stdinIsTerminal whether stdin is an interactive terminal (the browser engines then say they read it)
     * @param hostEnv         this process's environment, for {@code --env NAME}
     * @param cwd             what relative MODULE and {@code --dir} paths are relative to
     */
    RunCommand(InputStream stdin, boolean stdinIsTerminal, OutputStream stdout, OutputStream stderr,
            Map<String, String> hostEnv, Path cwd) {
        this.stdin = stdin;
        this.stdinIsTerminal = stdinIsTerminal;
        this.stdout = stdout;
        this.stderr = stderr;
        this.messages = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        this.hostEnv = hostEnv;
        this.cwd = cwd;
    }

    int run(String[] args) {
        try {
            return execute(args);
        } catch (UsageException e) {
            return fail(USAGE_EXIT_CODE, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return fail(FAILURE_EXIT_CODE, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(FAILURE_EXIT_CODE, "interrupted");
        } catch (RuntimeException e) { // a bug of ours: still one line, not a stack trace
            return fail(FAILURE_EXIT_CODE, "internal error: " + e);
        }
    }

    private int execute(String[] args) throws UsageException, IOException, InterruptedException {
        CliOptions options = CliOptions.parse(args, hostEnv, cwd);
        if (options.help()) {
            stdout.write((CliOptions.USAGE + "\n").getBytes(StandardCharsets.UTF_8));
            stdout.flush();
            return 0;
        }
        ModuleSource source = ModuleSource.resolve(options.module(), cwd);
        GuestModule module = null;
        if (options.engine() != Engine.BROWSER || source.bundled() == null) {
            try {
                module = source.load(); // also checks a file for the browser: one clear line instead of a CompileError
            } catch (InvalidModuleException e) {
                return fail(FAILURE_EXIT_CODE, options.module() + ": " + e.getMessage());
            }
        }
        List<String> argv = new ArrayList<>();
        argv.add(source.written());
        argv.addAll(options.guestArgs());
        RunLimits limits = RunLimits.NONE;
        if (options.timeout() != null) {
            limits = limits.withTimeout(options.timeout());
        }
        if (options.maxMemoryBytes() != null) {
            limits = limits.withMaxMemoryBytes(options.maxMemoryBytes());
        }
        GuestInput input = new GuestInput(argv, options.env(), limits, options.effectiveSeed());

        return switch (options.engine()) {
            case CHICORY -> runOnChicory(module, input, options.dirs());
            case BROWSER -> runInBrowser(source, input, options.dirs());
            case BOTH -> runOnBoth(source, module, input, options.dirs(), options.report());
        };
    }

    /** The {@code --dir} directories loaded into one tree, with their write-backs and the guest's preopen names. */
    private record Directories(VirtualFileSystem tree, List<DirectorySync> syncs, List<String> preopens) {
        boolean none() {
            return syncs.isEmpty();
        }

        /** The tree as the shared filesystem image, or null without any {@code --dir}. */
        byte[] image() {
            return none() ? null : TarImage.create(tree);
        }

        void writeBack(VirtualFileSystem after) throws IOException {
            for (DirectorySync sync : syncs) {
                sync.writeBack(after);
            }
        }
    }

    private Directories loadDirectories(List<DirMapping> dirs) throws IOException {
        VirtualFileSystem tree = new VirtualFileSystem();
        List<DirectorySync> syncs = new ArrayList<>();
        List<String> preopens = new ArrayList<>();
        for (DirMapping dir : dirs) {
            syncs.add(DirectorySync.load(dir, tree, warning -> messages.println("wasiplay: --dir " + dir.hostText()
                    + ": " + warning)));
            preopens.add(dir.guestName());
        }
        return new Directories(tree, syncs, preopens);
    }

    private int runOnChicory(GuestModule module, GuestInput input, List<DirMapping> dirs)
            throws IOException, InterruptedException {
        Directories directories = loadDirectories(dirs);
        EngineResult result = ChicoryEngine.run(module, input, directories.tree(), directories.preopens(),
                StreamStdin.of(stdin), stdout, stderr);
        directories.writeBack(directories.tree());
        return result.exitCode();
    }

    /**
     * In Chromium: the {@code --dir} directories go to the worker as one filesystem image, and the tree it posts
     * back after the run is written back to them (not when the worker was terminated at the time limit: then
     * there is no tree, and the directories are left as they were, with a message saying so).
     */
    private int runInBrowser(ModuleSource source, GuestInput input, List<DirMapping> dirs) throws IOException {
        Directories directories = loadDirectories(dirs);
        byte[] stdinBytes = readStdin();
        EngineResult result;
        try (BrowserEngine browser = BrowserEngine.start()) {
            result = browser.run(source.bytes(), input, stdinBytes, directories.image(), directories.preopens(),
                    stdout, stderr);
        }
        if (!directories.none()) {
            if (result.tree() == null) {
                messages.println("wasiplay: --dir: nothing was written back: the browser run was stopped ("
                        + result.status() + ") before it could hand its file tree back");
            } else {
                directories.writeBack(result.tree());
            }
        }
        return result.exitCode();
    }

    /**
     * Both engines at once on the same inputs, each starting from the same filesystem image of the {@code --dir}
     * directories; their results are shown only when they agree, else the diff. The directories are written back
     * (from Chicory's tree) only when everything agrees, the trees after the run included. With {@code reportFile},
     * the parity report is written there either way.
     */
    private int runOnBoth(ModuleSource source, GuestModule module, GuestInput input, List<DirMapping> dirs,
            Path reportFile) throws IOException, InterruptedException {
        Directories directories = loadDirectories(dirs);
        byte[] image = directories.image();
        VirtualFileSystem chicoryTree = new VirtualFileSystem();
        if (image != null) {
            TarImage.extract(image, chicoryTree);
        }
        Map<String, byte[]> before = new HashMap<>();
        chicoryTree.files().forEach((path, file) -> before.put(path, file.content()));
        byte[] bytes = readStdin();
        CompletableFuture<EngineResult> chicory = CompletableFuture.supplyAsync(() -> {
            try {
                return ChicoryEngine.run(module, input, chicoryTree, directories.preopens(),
                        StdinSource.of(bytes), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        EngineResult browser;
        try (BrowserEngine engine = BrowserEngine.start()) {
            browser = engine.run(source.bytes(), input, bytes, image, directories.preopens(),
                    OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        }
        EngineResult jvm;
        try {
            jvm = chicory.get();
        } catch (ExecutionException e) {
            throw new IOException("the chicory run failed: " + e.getCause(), e.getCause());
        }
        ParityReport parity = ParityReport.compare(jvm.toEngineRun("chicory", before),
                browser.toEngineRun("browser", before), input.seed());
        if (reportFile != null) {
            try {
                Files.writeString(reportFile, parity.toJson() + "\n");
            } catch (IOException e) {
                throw new IOException("--report " + reportFile + ": could not write the report: " + e.getMessage(), e);
            }
        }
        String report = EngineComparison.report(jvm, browser);
        if (!report.isEmpty()) {
            messages.print(report);
            if (input.seed() != null) {
                messages.println("wasiplay: deterministic mode, seed " + input.seed());
            }
            if (!directories.none()) {
                messages.println("wasiplay: --dir: nothing was written back, as the engines do not agree");
            }
            messages.flush();
            return FAILURE_EXIT_CODE;
        }
        stdout.write(jvm.stdout());
        stdout.flush();
        stderr.write(jvm.stderr());
        stderr.flush();
        if (!directories.none()) {
            if (browser.tree() == null) {
                messages.println("wasiplay: --dir: nothing was written back: the browser run was stopped ("
                        + browser.status() + ") before it could hand its file tree back, so the trees cannot be "
                        + "compared");
            } else {
                directories.writeBack(jvm.tree());
            }
        }
        return jvm.exitCode();
    }

    /** The whole of stdin, for the engines that need it up front. */
    private byte[] readStdin() throws IOException {
        if (stdinIsTerminal) {
            messages.println("wasiplay: the browser engine reads all of stdin before the run: type the input, then "
                    + "Ctrl-D (or run with < /dev/null)");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        stdin.transferTo(all);
        return all.toByteArray();
    }

    private int fail(int exitCode, String message) {
        messages.println("wasiplay: " + message);
        return exitCode;
    }
}
