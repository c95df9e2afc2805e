package dev.wasiplay.host;

import dev.wasiplay.polyfill.DeterministicMode;
import dev.wasiplay.polyfill.OutputSink;
import dev.wasiplay.polyfill.StdinSource;
import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a guest sees: argv, environment, stdin, files, preopens, and optional live output listeners.
 *
 * <p>At the start of every run the run's file system gets the {@link Builder#image} (a {@link TarImage})
 * extracted into it, then the {@link Builder#file}s written. That is a fresh {@link VirtualFileSystem} per
 * run unless one was passed with {@link Builder#fileSystem}, in which case the run works on (and changes)
 * that tree. A spec without {@code fileSystem} can therefore be run again and again, each run starting
 * clean. The guest sees the directories named by {@link Builder#preopen} (default just "/").
 *
 * <p>{@link Builder#limits} bounds the run (time, memory, output, descriptors); see {@link RunLimits}.
 */
public final class RunSpec {
    private final List<String> argv;
    private final List<String[]> env;
    private final byte[] stdin;
    private final Map<String, byte[]> files;
    private final VirtualFileSystem fileSystem;
    private final OutputSink stdout;
    private final OutputSink stderr;
    private final byte[] image;
    private final StdinSource stdinSource;
    private final RunLimits limits;
    private final List<String> preopens;
    private final Long deterministicSeed;

    private RunSpec(Builder b) {
        this.argv = List.copyOf(b.argv);
        this.env = List.copyOf(b.env);
        this.stdin = b.stdin;
        this.files = new LinkedHashMap<>(b.files);
        this.fileSystem = b.fileSystem;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.stdinSource = b.stdinSource;
        this.limits = b.limits;
        this.image = b.image;
        this.preopens = b.preopens.isEmpty() ? List.of("/") : List.copyOf(b.preopens);
        this.deterministicSeed = b.deterministicSeed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** argv, argv[0] (the program name) included. */
    public List<String> argv() {
        return argv;
    }

    /** Environment entries as {name, value} pairs, in the order given. */
    List<String[]> env() {
        return env;
    }

    byte[] stdin() {
        return stdin;
    }

    /** The guest's stdin for one run: the given source, or a fresh reader of the stdin bytes. */
    StdinSource newStdinSource() {
        return stdinSource != null ? stdinSource : StdinSource.of(stdin);
    }

    /** The run's bounds ({@link RunLimits#NONE} unless set). */
    public RunLimits limits() {
        return limits;
    }

    /** The guest-visible names of the preopened directories, in fd order (3, 4, ...); default just "/". */
    public List<String> preopens() {
        return preopens;
    }

    /** Whether the run is in deterministic mode ({@link Builder#deterministic(long)}). */
    public boolean deterministic() {
        return deterministicSeed != null;
    }

    /** The deterministic mode's seed; only meaningful when {@link #deterministic()}. */
    public long seed() {
        return deterministicSeed == null ? 0 : deterministicSeed;
    }

    /** A copy of the {@link Builder#image} the run starts from, or null without one. */
    public byte[] image() {
        return image == null ? null : image.clone();
    }

    OutputSink stdoutListener() {
        return stdout;
    }

    OutputSink stderrListener() {
        return stderr;
    }

    /**
     * The file system for one run: the given tree, or a fresh one, with the image extracted, the spec's
     * files written in and every preopened directory present.
     *
     * @throws IllegalArgumentException when the image is malformed or a preopen names a non-directory
     */
    VirtualFileSystem newRunFileSystem() {
        VirtualFileSystem fs = fileSystem != null ? fileSystem : new VirtualFileSystem();
        writeStartingTreeInto(fs);
        for (String preopen : preopens) {
            preopenDirectory(fs, preopen);
        }
        return fs;
    }

    /**
     * Extracts the image into {@code fs}, then writes the spec's files (also used by runs whose tree exists
     * before the spec, such as a pre-started instance's empty one).
     */
    void writeStartingTreeInto(VirtualFileSystem fs) {
        if (image != null) {
            TarImage.extract(image, fs);
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            fs.writeFile(file.getKey(), file.getValue().clone());
        }
    }

    /** The directory a preopen name denotes in {@code fs} (created if missing). */
    static DirNode preopenDirectory(VirtualFileSystem fs, String preopen) {
        Node node = fs.lookup(preopen);
        if (node == null) {
            return fs.mkdirs(preopen);
        }
        if (!(node instanceof DirNode)) {
            throw new IllegalArgumentException("preopen " + preopen + " is not a directory in the run's tree");
        }
        return (DirNode) node;
    }

    /** Whether stdin comes from a {@link StdinSource} given with {@link Builder#stdin(StdinSource)}. */
    boolean hasStdinSource() {
        return stdinSource != null;
    }

    /** Whether the run works on a tree given with {@link Builder#fileSystem} rather than a fresh one. */
    boolean hasOwnFileSystem() {
        return fileSystem != null;
    }

    /** Builds a {@link RunSpec}. Defaults: no argv, no environment, empty stdin, an empty "/". */
    public static final class Builder {
        private final List<String> argv = new ArrayList<>();
        private final List<String[]> env = new ArrayList<>();
        private byte[] stdin = new byte[0];
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private VirtualFileSystem fileSystem;
        private OutputSink stdout = OutputSink.DISCARD;
        private OutputSink stderr = OutputSink.DISCARD;
        private byte[] image;
        private StdinSource stdinSource;
        private RunLimits limits = RunLimits.NONE;
        private final List<String> preopens = new ArrayList<>();
        private Long deterministicSeed;

        private Builder() {}

        /**
         * Deterministic mode (the polyfill's {@code DeterministicMode}): a virtual clock (realtime from
         * 2024-01-01T00:00:00Z, 1 ms per reading, sleeps that take no real time), {@code random_get} from a
         * SplitMix64 stream seeded with {@code seed} (0 to 2^53-1), and the tree settled (inodes in path order,
         * every time the start instant) once it is complete. Same spec and seed, same run, on either engine.
         */
        public Builder deterministic(long seed) {
            deterministicSeed = DeterministicMode.checkSeed(seed);
            return this;
        }

        /** Deterministic mode on with {@code seed}, or off when {@code seed} is null (the default). */
        public Builder deterministic(Long seed) {
            deterministicSeed = seed == null ? null : DeterministicMode.checkSeed(seed);
            return this;
        }

        /** Sets argv, argv[0] (the program name, e.g. "python") included. */
        public Builder argv(List<String> values) {
            argv.clear();
            for (String value : values) {
                argv.add(requireNoNul(value, "argv entry"));
            }
            return this;
        }

        /** Adds an environment variable; later entries with the same name follow earlier ones. */
        public Builder env(String name, String value) {
            requireNoNul(name, "environment variable name");
            requireNoNul(value, "environment variable value");
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("bad environment variable name: \"" + name + "\"");
            }
            env.add(new String[] {name, value});
            return this;
        }

        /** The guest's whole standard input; it sees end of input after these bytes. */
        public Builder stdin(byte[] bytes) {
            stdin = Objects.requireNonNull(bytes, "stdin").clone();
            stdinSource = null;
            return this;
        }

        /**
         * Reads the guest's standard input from {@code source} as the guest asks for it (e.g. a
         * {@link StreamStdin} over the host's stdin). A source is consumed by the run that reads it, so a spec
         * with one is meant for a single run.
         */
        public Builder stdin(StdinSource source) {
            stdinSource = Objects.requireNonNull(source, "stdin");
            return this;
        }

        /**
         * A {@link TarImage} extracted into the run's tree before the {@link #file}s are written. It is
         * checked here: a malformed or unsafe image throws IllegalArgumentException.
         */
        public Builder image(byte[] tar) {
            Objects.requireNonNull(tar, "image");
            TarImage.extract(tar, new VirtualFileSystem());
            image = tar.clone();
            return this;
        }

        /** Bounds the run: time, memory, output and descriptors (default {@link RunLimits#NONE}). */
        public Builder limits(RunLimits value) {
            limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * Preopens the directory at {@code guestPath} of the run's tree (created if missing), under that name, in
         * call order (fds 3, 4, ...). Without any call the whole tree is preopened as "/". {@code "."} and
         * {@code "/"} both name the root of the tree; {@code "data"} and {@code "/data"} the same directory, which
         * the guest sees under the name given. This is how a host directory mapped to a guest path (like
         * {@code wasmtime run --dir HOST::GUEST}) is offered without the rest of the tree.
         */
        public Builder preopen(String guestPath) {
            String path = requireNoNul(guestPath, "preopen path");
            if (path.isEmpty()) {
                throw new IllegalArgumentException("preopen path is empty");
            }
            for (String part : path.split("/")) {
                if (part.equals("..")) {
                    throw new IllegalArgumentException("'..' in preopen path: \"" + guestPath + "\"");
                }
            }
            preopens.add(path);
            return this;
        }

        /** Places a file at {@code guestPath} (absolute or relative to "/"), creating parent directories. */
        public Builder file(String guestPath, byte[] content) {
            Objects.requireNonNull(content, "content");
            String path = requireNoNul(guestPath, "file path");
            boolean namesFile = false;
            for (String part : path.split("/")) {
                if (part.equals("..")) {
                    throw new IllegalArgumentException("'..' in file path: \"" + guestPath + "\"");
                }
                namesFile |= !part.isEmpty() && !part.equals(".");
            }
            if (!namesFile) {
                throw new IllegalArgumentException("file path names no file: \"" + guestPath + "\"");
            }
            files.put(path, content.clone());
            return this;
        }

        /** Runs on this tree (preopened as "/") instead of a fresh one; the run changes it in place. */
        public Builder fileSystem(VirtualFileSystem value) {
            fileSystem = Objects.requireNonNull(value, "fileSystem");
            return this;
        }

        /** Also streams the guest's stdout here while it runs (it is captured in the outcome anyway). */
        public Builder stdout(OutputSink listener) {
            stdout = Objects.requireNonNull(listener, "stdout");
            return this;
        }

        /** Also streams the guest's stderr here while it runs (it is captured in the outcome anyway). */
        public Builder stderr(OutputSink listener) {
            stderr = Objects.requireNonNull(listener, "stderr");
            return this;
        }

        public RunSpec build() {
            return new RunSpec(this);
        }

        private static String requireNoNul(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(what + " contains a NUL character");
            }
            return value;
        }
    }
}
