package dev.wasiplay.host;

import dev.wasiplay.polyfill.OutputSink;
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
 */
public final class RunSpec {
    private final List<String> argv;
    private final List<String[]> env;
    private final byte[] stdin;
    private final Map<String, byte[]> files;
    private final VirtualFileSystem fileSystem;
    private final byte[] image;
    private final List<String> preopens;
    private final OutputSink stdout;
    private final OutputSink stderr;

    private RunSpec(Builder b) {
        this.argv = List.copyOf(b.argv);
        this.env = List.copyOf(b.env);
        this.stdin = b.stdin;
        this.files = new LinkedHashMap<>(b.files);
        this.fileSystem = b.fileSystem;
        this.image = b.image;
        this.preopens = b.preopens.isEmpty() ? List.of("/") : List.copyOf(b.preopens);
        this.stdout = b.stdout;
        this.stderr = b.stderr;
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

    OutputSink stdoutListener() {
        return stdout;
    }

    OutputSink stderrListener() {
        return stderr;
    }

    /** The guest-visible names of the preopened directories, in fd order (3, 4, ...). */
    public List<String> preopens() {
        return preopens;
    }

    /**
     * The file system for one run: the given tree, or a fresh one, with the image extracted, the spec's
     * files written in and every preopened directory present.
     *
     * @throws IllegalArgumentException when the image is malformed or a preopen names a non-directory
     */
    VirtualFileSystem newRunFileSystem() {
        VirtualFileSystem fs = fileSystem != null ? fileSystem : new VirtualFileSystem();
        if (image != null) {
            TarImage.extract(image, fs);
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            fs.writeFile(file.getKey(), file.getValue().clone());
        }
        for (String preopen : preopens) {
            preopenDirectory(fs, preopen);
        }
        return fs;
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

    /** Builds a {@link RunSpec}. Defaults: no argv, no environment, empty stdin, an empty "/". */
    public static final class Builder {
        private final List<String> argv = new ArrayList<>();
        private final List<String[]> env = new ArrayList<>();
        private byte[] stdin = new byte[0];
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private VirtualFileSystem fileSystem;
        private byte[] image;
        private final List<String> preopens = new ArrayList<>();
        private OutputSink stdout = OutputSink.DISCARD;
        private OutputSink stderr = OutputSink.DISCARD;

        private Builder() {}

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

        /**
         * Preopens the directory {@code guestPath} of the run's tree under that name (fds 3, 4, ... in call
         * order; created empty if the tree lacks it). Without any call, just "/" is preopened. The path is
         * absolute, without "." or ".." parts or a trailing slash (except "/" itself).
         */
        public Builder preopen(String guestPath) {
            String path = requireNoNul(guestPath, "preopen path");
            boolean clean = path.startsWith("/") && (path.equals("/") || !path.endsWith("/"))
                    && !path.contains("//");
            for (String part : path.split("/")) {
                clean &= !part.equals(".") && !part.equals("..");
            }
            if (!clean) {
                throw new IllegalArgumentException(
                        "preopen path must be absolute and normalized: \"" + guestPath + "\"");
            }
            preopens.add(path);
            return this;
        }

        /** Runs on this tree instead of a fresh one; the run changes it in place. */
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
