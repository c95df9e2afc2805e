package dev.wasiplay.server;

import dev.wasiplay.server.store.StoreException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * Starts the WasiPlay server: {@code java -jar wasiplay-server.jar [--port N] [--host ADDRESS]}.
 * Defaults come from the environment: {@code WASIPLAY_PORT} (else 8080) and {@code WASIPLAY_HOST}
 * (else 127.0.0.1); {@code WASIPLAY_RUN_TIME_LIMIT} sets how many seconds one server run may take (else 120);
 * the store and limits come from {@link ServerConfig#fromEnvironment}.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar wasiplay-server.jar [--port N] [--host ADDRESS]
              --port N          port to listen on, 0 for any free port (default: $WASIPLAY_PORT, else 8080)
              --host ADDRESS    address to bind (default: $WASIPLAY_HOST, else 127.0.0.1)
            environment (defaults in brackets):
              WASIPLAY_RUN_TIME_LIMIT=SECONDS   time limit of one server run [120]
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
                    .runTimeLimit(options.runTimeLimit())
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
    record Options(String host, int port, Duration runTimeLimit, boolean help) {

        static Options parse(String[] args, Map<String, String> env) {
            String host = env.getOrDefault("WASIPLAY_HOST", "127.0.0.1");
            int port = env.containsKey("WASIPLAY_PORT") ? port(env.get("WASIPLAY_PORT"), "WASIPLAY_PORT") : 8080;
            Duration runTimeLimit = env.containsKey("WASIPLAY_RUN_TIME_LIMIT")
                    ? seconds(env.get("WASIPLAY_RUN_TIME_LIMIT"), "WASIPLAY_RUN_TIME_LIMIT")
                    : WasiPlayServer.DEFAULT_RUN_TIME_LIMIT;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return new Options(host, port, runTimeLimit, true);
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
            return new Options(host, port, runTimeLimit, false);
        }

        private static Duration seconds(String value, String source) {
            try {
                long seconds = Long.parseLong(value.trim());
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(source + " must be a whole number of seconds above 0, not \"" + value + "\"");
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
