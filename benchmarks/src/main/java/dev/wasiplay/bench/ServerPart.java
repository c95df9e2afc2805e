package dev.wasiplay.bench;

import dev.wasiplay.host.ExecutionMode;
import dev.wasiplay.host.PythonExecutors;
import dev.wasiplay.host.ServerBenchmark;
import dev.wasiplay.server.RunSettings;
import dev.wasiplay.server.WasiPlayServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server part's rows: wasi-host in each execution mode against Node's WASI on the same python.wasm
 * ({@link ServerBenchmark} measures the modes), and print('hello') through the real server's POST /api/run
 * (HTTP and JSON included). Goal (issue #4): every figure &lt;= 3x Node with a warm server.
 */
final class ServerPart {
    private static final String PART = "server";
    private static final double GOAL = 3.0;

    private ServerPart() {
    }

    static List<Row> run(Options options) throws Exception {
        List<String> mainPy = List.of("python", "/main.py");
        Workload hello = new Workload("hello", mainPy, Map.of("main.py", Workload.text(ServerBenchmark.HELLO)), "hello\n");
        Workload loop = new Workload("loop", mainPy, Map.of("main.py", Workload.text(ServerBenchmark.LOOP)), "499999500000\n");
        List<Workload> nodeWorkloads = options.loopReps() > 0 ? List.of(hello, loop) : List.of(hello);
        Benchmarks.progress("server: node:wasi ...");
        NodeWasi.Result node = NodeWasi.run(nodeWorkloads, options.reps(), "hello", options.throughputRuns());

        ServerBenchmark benchmark = new ServerBenchmark(options.reps(), options.warmups(), options.loopReps(), options.loopCapSeconds(),
                options.throughputRuns());
        List<ServerBenchmark.ModeResult> modes = new ArrayList<>();
        for (ExecutionMode mode : options.modes()) {
            Benchmarks.progress("server: %s ...", mode);
            modes.add(benchmark.measure(mode));
        }

        Benchmarks.progress("server: POST /api/run on the real server ...");
        double[] overHttp;
        RunSettings settings = RunSettings.defaults();
        WasiPlayServer server = new WasiPlayServer("127.0.0.1", settings);
        int port = server.start(0);
        try {
            overHttp = benchmark.overHttp("http://127.0.0.1:" + port, settings.limits());
        } finally {
            server.stop();
        }

        List<Row> rows = new ArrayList<>();
        String helloName = "start-up: print('hello') (python /main.py)";
        rows.addAll(compare(helloName, node.times().get("hello"),
                modes.stream().map(m -> new Measured(m.mode(), Samples.of(m.hello()))).toList()));
        Samples http = Samples.of(overHttp);
        rows.add(Row.measured(PART, helloName, "WasiPlay server, POST /api/run (" + PythonExecutors.FASTEST_MODE + ")",
                        http, "ms")
                .ratios(Ratios.minRatio(http, node.times().get("hello"), NodeWasi.RUNNER),
                        Ratios.medianRatio(http, node.times().get("hello"), NodeWasi.RUNNER))
                .goal(Ratios.goal(http, node.times().get("hello"), GOAL, NodeWasi.RUNNER)));
        if (options.loopReps() > 0) {
            String loopName = "loop 1M (at most " + options.loopReps() + " run(s), each stopped at "
                    + options.loopCapSeconds() + " s)";
            rows.addAll(compare(loopName, node.times().get("loop"), modes.stream()
                    .map(m -> new Measured(m.mode(), m.loopCapped() ? Samples.atLeast(max(m.loop())) : Samples.of(m.loop())))
                    .toList()));
        }
        if (options.throughputRuns() > 0) {
            String name = options.throughputRuns() + " hello runs, 2 at a time (2 cores), whole batch";
            rows.addAll(compare(name, node.throughput(),
                    modes.stream().map(m -> new Measured(m.mode(), Samples.of(m.throughput()))).toList()));
        }
        return rows;
    }

    private record Measured(ExecutionMode mode, Samples samples) {
    }

    private static List<Row> compare(String workload, Samples node, List<Measured> modes) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.measured(PART, workload, NodeWasi.RUNNER, node, "ms").goal("reference"));
        for (Measured m : modes) {
            rows.add(Row.measured(PART, workload, "wasi-host " + m.mode(), m.samples(), "ms")
                    .ratios(Ratios.minRatio(m.samples(), node, NodeWasi.RUNNER),
                            Ratios.medianRatio(m.samples(), node, NodeWasi.RUNNER))
                    .goal(Ratios.goal(m.samples(), node, GOAL, NodeWasi.RUNNER)));
        }
        return rows;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
