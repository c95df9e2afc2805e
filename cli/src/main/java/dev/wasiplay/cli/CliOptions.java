package dev.wasiplay.cli;

import dev.wasiplay.polyfill.DeterministicMode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code wasiplay run [OPTIONS] MODULE [ARGS...]}, parsed the way {@code wasmtime run} reads its options: options
 * come before MODULE; everything after MODULE (or after {@code --}) goes to the guest untouched.
 *
 * @param dirs           {@code --dir HOST[::GUEST]}, in order
 * @param env            {@code --env} as {name, value} pairs, in order
 * @param engine         {@code --engine}
 * @param timeout        {@code --timeout} / {@code -W timeout=}, or null
 * @param maxMemoryBytes {@code -W max-memory-size=}, or null
 * @param module         MODULE as written (null only with help)
 * @param guestArgs      the arguments after MODULE
 * @param help           {@code -h} / {@code --help}
 * @param deterministic  {@code --deterministic[=SEED]} (true), {@code --no-deterministic} (false), or null: the
 *                       engine's default (on for both, off otherwise)
 * @param seed           the SEED of {@code --deterministic=SEED}, else the default seed
 * @param report         {@code --report FILE} (with {@code --engine both}), or null
 */
record CliOptions(List<DirMapping> dirs, List<String[]> env, Engine engine, Duration timeout, Long maxMemoryBytes,
        String module, List<String> guestArgs, boolean help, Boolean deterministic, long seed, Path report) {

    /** The deterministic mode's seed for this run, or null when the run is not deterministic. */
    Long effectiveSeed() {
        boolean on = deterministic != null ? deterministic : engine == Engine.BOTH;
        return on ? seed : null;
    }

    static final String USAGE = """
            usage: wasiplay run [OPTIONS] MODULE [ARGS...]

            Runs a wasm32-wasi command module the way `wasmtime run` does. MODULE is a .wasm file or the name of a
            bundled runtime (python). ARGS go to the guest; stdin, stdout and stderr pass through, and the exit code
            is the guest's.

            options:
              --dir HOST[::GUEST]    give the guest the host directory HOST, preopened as GUEST (default: HOST as
                                     written, e.g. --dir . or --dir data::/data); what the guest creates, changes
                                     or deletes there is written back to HOST when the run ends (repeatable;
                                     with --engine both only when the engines' results and trees agree)
              --env NAME=VALUE       set an environment variable for the guest; --env NAME passes on this
                                     process's own value of NAME (repeatable)
              --engine ENGINE        chicory (default): on the JVM through Chicory; browser: in headless Chromium
                                     through the TeaVM-compiled polyfill; both: run both with the same inputs and
                                     compare exit code, stdout, stderr and the file trees
              --deterministic[=SEED] deterministic mode: a virtual clock (from 2024-01-01T00:00:00Z; sleeps take
                                     no time), random_get seeded with SEED (0 to 2^53-1, default 42), fixed
                                     inode numbers and timestamps; on by default with --engine both
              --no-deterministic     the host's clock and secure randomness (the default for one engine)
              --report FILE          with --engine both: write the parity report (JSON) to FILE
              --timeout SECONDS      stop the run after this long (also 500ms, 1.5s, 2m)
              -W timeout=DURATION    the same, as wasmtime spells it
              -W max-memory-size=N   cap the guest's linear memory at N bytes
              -h, --help             show this text

            exit code: the guest's; 134 when the run was stopped (trap, time or memory limit); 1 when the module is
            invalid, the host failed, or (--engine both) the engines' results differ; 2 for a bad command line or
            a module that does not exist.
            The browser engines read all of stdin before the run starts.""";

    static CliOptions parse(String[] args, Map<String, String> hostEnv, Path cwd) throws UsageException {
        List<DirMapping> dirs = new ArrayList<>();
        List<String[]> env = new ArrayList<>();
        Engine engine = Engine.CHICORY;
        Duration timeout = null;
        Long maxMemoryBytes = null;
        Boolean deterministic = null;
        long seed = DeterministicMode.DEFAULT_SEED;
        Path report = null;
        int i = 0;
        if (i < args.length && args[i].equals("run")) {
            i++;
        }
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (arg.startsWith("-W") && arg.length() > 2) {
                name = "-W";
                value = arg.substring(2);
            }
            switch (name) {
                case "-h", "--help" -> {
                    return new CliOptions(dirs, env, engine, timeout, maxMemoryBytes, null, List.of(), true, null,
                            seed, null);
                }
                case "--deterministic" -> {
                    deterministic = true;
                    if (value != null) {
                        seed = seed(value);
                    }
                }
                case "--no-deterministic" -> {
                    if (value != null) {
                        throw new UsageException("--no-deterministic takes no value");
                    }
                    deterministic = false;
                }
                case "--dir", "--env", "--engine", "--timeout", "--report", "-W" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--dir" -> dirs.add(DirMapping.parse(value, cwd));
                        case "--env" -> addEnv(env, value, hostEnv);
                        case "--engine" -> engine = Engine.parse(value);
                        case "--timeout" -> timeout = duration(value, "--timeout");
                        case "--report" -> report = cwd.resolve(value);
                        default -> {
                            if (value.startsWith("timeout=")) {
                                timeout = duration(value.substring("timeout=".length()), "-W timeout");
                            } else if (value.startsWith("max-memory-size=")) {
                                maxMemoryBytes = bytes(value.substring("max-memory-size=".length()));
                            } else {
                                throw new UsageException("unsupported -W option \"" + value
                                        + "\" (wasiplay knows -W timeout=... and -W max-memory-size=...)");
                            }
                        }
                    }
                }
                default -> throw new UsageException("unknown option " + arg + " (see wasiplay run --help)");
            }
        }
        if (i >= args.length) {
            throw new UsageException("no module given: wasiplay run [OPTIONS] MODULE [ARGS...] (see --help)");
        }
        DirMapping.rejectOverlaps(dirs);
        List<String> guestArgs = List.of(args).subList(i + 1, args.length);
        if (report != null && engine != Engine.BOTH) {
            throw new UsageException("--report needs --engine both: the report compares two engines");
        }
        return new CliOptions(List.copyOf(dirs), List.copyOf(env), engine, timeout, maxMemoryBytes, args[i],
                List.copyOf(guestArgs), false, deterministic, seed, report);
    }

    private static long seed(String value) throws UsageException {
        try {
            return DeterministicMode.checkSeed(Long.parseLong(value.trim()));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new UsageException("--deterministic=SEED needs a whole number from 0 to " + DeterministicMode.MAX_SEED
                    + ", not \"" + value + "\"");
        }
    }

    private static void addEnv(List<String[]> env, String value, Map<String, String> hostEnv) throws UsageException {
        int equals = value.indexOf('=');
        String name = equals < 0 ? value : value.substring(0, equals);
        if (name.isEmpty() || value.indexOf('\0') >= 0) {
            throw new UsageException("--env needs NAME=VALUE or NAME, not \"" + value + "\"");
        }
        if (equals >= 0) {
            env.add(new String[] {name, value.substring(equals + 1)});
        } else if (hostEnv.containsKey(name)) {
            env.add(new String[] {name, hostEnv.get(name)});
        }
    }

    /** "2", "1.5", "2s", "500ms", "3m", "1h": seconds unless a unit says otherwise. */
    static Duration duration(String value, String option) throws UsageException {
        String text = value.trim();
        String unit = "s";
        for (String candidate : new String[] {"ms", "s", "m", "h"}) {
            if (text.endsWith(candidate)) {
                unit = candidate;
                text = text.substring(0, text.length() - candidate.length());
                break;
            }
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            BigDecimal millis = amount.multiply(BigDecimal.valueOf(switch (unit) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 1000;
            }));
            if (millis.signum() > 0 && millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000)) < 0) {
                return Duration.ofNanos(millis.multiply(BigDecimal.valueOf(1_000_000)).longValue());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a positive duration in seconds (2, 1.5, 500ms, 2m), not \""
                + value + "\"");
    }

    private static long bytes(String value) throws UsageException {
        try {
            long bytes = Long.parseLong(value.trim());
            if (bytes >= 65536) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("-W max-memory-size must be a number of bytes, at least 65536 (one wasm page), not \""
                + value + "\"");
    }
}
