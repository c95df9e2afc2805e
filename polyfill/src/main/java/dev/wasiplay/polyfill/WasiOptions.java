package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.DirNode;
import java.util.ArrayList;
import java.util.List;

/** Everything a guest instance sees from outside: arguments, environment, stdio, time, randomness, preopens. */
public final class WasiOptions {
    final List<String> args;
    final List<String> env;
    final StdinSource stdin;
    final OutputSink stdout;
    final OutputSink stderr;
    final WasiClock clock;
    final RandomSource random;
    final List<String> preopenNames;
    final List<DirNode> preopenDirs;
    final int maxOpenFiles;
    final boolean stdioIsTerminal;

    private WasiOptions(Builder b) {
        this.args = new ArrayList<>(b.args);
        this.env = new ArrayList<>(b.env);
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.clock = b.clock;
        this.random = b.random;
        this.preopenNames = new ArrayList<>(b.preopenNames);
        this.preopenDirs = new ArrayList<>(b.preopenDirs);
        this.maxOpenFiles = b.maxOpenFiles;
        this.stdioIsTerminal = b.stdioIsTerminal;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> args() {
        return args;
    }

    /** Builds {@link WasiOptions}. Defaults: no args or env, empty stdin, discarded output, system clock. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final List<String> env = new ArrayList<>();
        private StdinSource stdin = StdinSource.EMPTY;
        private OutputSink stdout = OutputSink.DISCARD;
        private OutputSink stderr = OutputSink.DISCARD;
        private WasiClock clock = WasiClock.SYSTEM;
        private RandomSource random = RandomSource.seeded(System.nanoTime());
        private final List<String> preopenNames = new ArrayList<>();
        private final List<DirNode> preopenDirs = new ArrayList<>();
        private int maxOpenFiles = 1024;
        private boolean stdioIsTerminal = true;

        /** Adds argv entries; the first one is the program name. */
        public Builder args(List<String> values) {
            args.addAll(values);
            return this;
        }

        public Builder arg(String value) {
            args.add(value);
            return this;
        }

        /** Adds an environment variable; order is kept. */
        public Builder env(String name, String value) {
            env.add(name + "=" + value);
            return this;
        }

        public Builder stdin(StdinSource value) {
            stdin = value;
            return this;
        }

        public Builder stdout(OutputSink value) {
            stdout = value;
            return this;
        }

        public Builder stderr(OutputSink value) {
            stderr = value;
            return this;
        }

        public Builder clock(WasiClock value) {
            clock = value;
            return this;
        }

        public Builder random(RandomSource value) {
            random = value;
            return this;
        }

        /**
         * Preopens {@code dir} under the guest-visible name {@code name} (e.g. "/" or "/data"); fds 3, 4, ...
         * in call order. wasi-libc resolves an absolute path against the preopen with the longest matching name.
         */
        public Builder preopen(String name, DirNode dir) {
            preopenNames.add(name);
            preopenDirs.add(dir);
            return this;
        }

        /** The most descriptors (stdio and preopens included) the guest may hold open (MFILE past it); 1024. */
        public Builder maxOpenFiles(int value) {
            maxOpenFiles = value;
            return this;
        }

        /**
         * Whether fds 0-2 report the character-device file type (what wasmtime reports when its stdio is a
         * terminal) rather than "unknown" (a pipe). With no seek or tell right on stdio, wasi-libc then takes
         * them for a terminal, and CPython line-buffers stdout, so output streams. Default true.
         */
        public Builder stdioIsTerminal(boolean value) {
            stdioIsTerminal = value;
            return this;
        }

        public WasiOptions build() {
            return new WasiOptions(this);
        }
    }
}
