package dev.wasiplay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * WasiPlay side by side with its peers, measured in one run on one machine, printed as one table
 * (BENCHMARKS.md; {@code ./wasiplay bench}): the server part ({@link ServerPart}), the browser part
 * ({@link BrowserPart}) and the transfer part ({@link TransferPart}). Progress goes to stderr, the machine
 * line and the table to stdout.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String machine = String.format("%s, %d cores (nproc), %s, OpenJDK %s, node %s",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE), Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version"), NodeWasi.version());
        String loadBefore = loadAverage();
        progress("%s; load average %s; %s", machine, loadBefore, options.describe());
        Table table = new Table();
        boolean failed = false;
        for (String part : options.parts()) {
            try {
                table.addAll(switch (part) {
                    case "server" -> ServerPart.run(options);
                    case "browser" -> BrowserPart.run(options);
                    case "transfer" -> TransferPart.run(options);
                    default -> throw new IllegalArgumentException(part);
                });
            } catch (Exception | AssertionError e) {
                // The other parts' figures are still worth printing; the run fails at the end.
                e.printStackTrace();
                table.addAll(List.of(Row.failed(part, "(the whole part)", "-", String.valueOf(e.getMessage())
                        .replaceAll("\\s+", " ").replace("|", "/"))));
                failed = true;
            }
        }
        System.out.println();
        System.out.println(machine);
        System.out.println("load average (1, 5, 15 min) at start " + loadBefore + ", at end " + loadAverage()
                + " (other work on the machine slows every runner; ratios within a part are measured interleaved)");
        System.out.println(options.describe());
        System.out.println();
        table.print(System.out);
        System.out.println();
        System.out.flush();
        // Playwright and the pre-started instances may leave non-daemon threads behind.
        System.exit(failed ? 1 : 0);
    }

    /** A progress line on stderr (the table goes to stdout). */
    public static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String cpuModel() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }
}
