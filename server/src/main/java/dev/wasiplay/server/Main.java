package dev.wasiplay.server;

import dev.wasiplay.server.store.StoreException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts the WasiPlay server: {@code java -jar wasiplay-server.jar [--port N] [--host ADDRESS]}.
 * Defaults come from the environment: {@code WASIPLAY_PORT} (else 8080) and {@code WASIPLAY_HOST}
 * (else 127.0.0.1); the run limits, the run pool's size, the store and the request limits come from
 * {@link ServerConfig#fromEnvironment} (the run settings through {@link RunSettings#fromEnvironment}).
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar wasiplay-server.jar [--port N] [--host ADDRESS]
              --port N          port to listen on, 0 for any free port (default: $WASIPLAY_PORT, else 8080)
              --host ADDRESS    address to bind (default: $WASIPLAY_HOST, else 127.0.0.1)
            environment (defaults in brackets):
              WASIPLAY_RUN_TIMEOUT_SECONDS=S    wall-clock limit of one server run [120]
              WASIPLAY_MAX_MEMORY_MB=N          cap on a run's wasm memory [512]
              WASIPLAY_MAX_OUTPUT_BYTES=N       cap on each of a run's stdout and stderr [1048576]
              WASIPLAY_MAX_OPEN_FILES=N         descriptors a run may hold open [64]
              WASIPLAY_RUN_WORKERS=N            runs at once [one per core]
              WASIPLAY_RUN_QUEUE=N              runs waiting for a worker before 503 [twice the workers]
              WASIPLAY_DATA_DIR=DIR             where the embedded H2 database lives [./data]
              WASIPLAY_DB_URL=jdbc:postgresql://HOST:PORT/DB   use PostgreSQL instead of H2
              WASIPLAY_DB_USER, WASIPLAY_DB_PASSWORD           its credentials
              WASIPLAY_MAX_BODY_BYTES=N         largest JSON request body [1048576]
              WASIPLAY_MAX_MODULE_BYTES=N       largest uploaded .wasm module [33554432]
              WASIPLAY_RATE_LIMIT=N             POST /api/... requests per minute per client address, 0 = off [120]
              WASIPLAY_CLIENT_ADDRESS_HEADER=H  take the client address from header H's last entry
                                                (e.g. X-Forwarded-For behind a load balancer) [the peer]""";

    private Main() {}

    public static void main(String[] args) {
        Options options;
        ServerConfig config;
        try {
            options = Options.parse(args, System.getenv());
            config = ServerConfig.fromEnvironment(System.getenv())
                    .host(options.host())
                    .runSettings(options.runSettings())
                    .build();
        } catch (IllegalArgumentException e) {
            System.err.println("wasiplay-server: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        WasiPlayServer server = new WasiPlayServer(config);
        int port;
        try {
            port = server.start(options.port());
        } catch (StoreException | UncheckedIOException e) {
            System.err.println("wasiplay-server: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("wasiplay-server: cannot listen on " + options.host() + ":" + options.port() + ": "
                    + (e.getMessage() == null ? e : e.getMessage()));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wasiplay-server-stop"));
        String shownHost = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        System.out.println("WasiPlay is running at http://" + shownHost + ":" + port + "/");
    }

    /** Command line and environment settings. */
    record Options(String host, int port, RunSettings runSettings, boolean help) {

        static Options parse(String[] args, Map<String, String> env) {
            String host = env.getOrDefault("WASIPLAY_HOST", "127.0.0.1");
            int port = env.containsKey("WASIPLAY_PORT") ? port(env.get("WASIPLAY_PORT"), "WASIPLAY_PORT") : 8080;
            RunSettings runSettings = RunSettings.fromEnvironment(env);
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return new Options(host, port, runSettings, true);
                } else if (arg.equals("--port") || arg.equals("--host")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args[++i];
                    if (arg.equals("--port")) {
                        port = port(value, "--port");
                    } else {
                        host = value;
                    }
                } else if (arg.startsWith("--port=")) {
                    port = port(arg.substring("--port=".length()), "--port");
                } else if (arg.startsWith("--host=")) {
                    host = arg.substring("--host=".length());
                } else {
                    throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            if (host.isBlank()) {
                throw new IllegalArgumentException("the host to bind must not be empty");
            }
            return new Options(host, port, runSettings, false);
        }

        private static int port(String value, String source) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(source + " must be a port number from 0 to 65535, not \"" + value + "\"");
        }
    }
}
