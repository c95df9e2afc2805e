package dev.wasiplay.server;

import dev.wasiplay.server.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link WasiPlayServer} can be told besides its port. {@link #builder()} starts from the
 * defaults with a <em>temporary</em> data directory (deleted when the server stops: for tests);
 * {@link #fromEnvironment} starts from the {@code WASIPLAY_*} variables, with {@code ./data} as the data
 * directory (see the server README for the table).
 */
public final class ServerConfig {

    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_MODULE_BYTES = 32 << 20;
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 120;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final int MAX_RATE_LIMIT = 1_000_000;
    /** Longest accepted {@code WASIPLAY_DB_WAIT_SECONDS}. */
    public static final int MAX_DATABASE_WAIT_SECONDS = 300;

    private final String host;
    private final RunSettings runSettings;
    private final Path dataDir;
    private final String databaseUrl;
    private final String databaseUser;
    private final String databasePassword;
    private final Duration databaseWait;
    private final int maxBodyBytes;
    private final int maxModuleBytes;
    private final int rateLimitPerMinute;
    private final String clientAddressHeader;

    private ServerConfig(Builder b) {
        this.host = b.host;
        this.runSettings = b.runSettings;
        this.dataDir = b.dataDir;
        this.databaseUrl = b.databaseUrl;
        this.databaseUser = b.databaseUser;
        this.databasePassword = b.databasePassword;
        this.databaseWait = b.databaseWait;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxModuleBytes = b.maxModuleBytes;
        this.rateLimitPerMinute = b.rateLimitPerMinute;
        this.clientAddressHeader = b.clientAddressHeader;
    }

    /** Defaults: 127.0.0.1, {@link RunSettings#defaults()}, a temporary data directory with H2 in it, 1 MiB bodies,
     *  32 MiB modules, 120 POSTs per minute and client address. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings in {@code env}: {@code WASIPLAY_DATA_DIR} (default {@code ./data}), {@code WASIPLAY_DB_URL},
     * {@code WASIPLAY_DB_USER}, {@code WASIPLAY_DB_PASSWORD}, {@code WASIPLAY_DB_WAIT_SECONDS},
     * {@code WASIPLAY_MAX_BODY_BYTES}, {@code WASIPLAY_MAX_MODULE_BYTES}, {@code WASIPLAY_RATE_LIMIT}, {@code WASIPLAY_CLIENT_ADDRESS_HEADER},
     * and the run limits and pool size {@link RunSettings#fromEnvironment} reads (which refuses the old
     * {@code WASIPLAY_RUN_TIME_LIMIT}). The host is the command line's business (see {@link Main}).
     *
     * @throws IllegalArgumentException naming the variable whose value is not acceptable
     */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder b = builder()
                .runSettings(RunSettings.fromEnvironment(env))
                .dataDir(Path.of(env.getOrDefault("WASIPLAY_DATA_DIR", DEFAULT_DATA_DIR.toString())));
        String url = blankToNull(env.get("WASIPLAY_DB_URL"));
        if (url != null) {
            b.database(url, blankToNull(env.get("WASIPLAY_DB_USER")), env.get("WASIPLAY_DB_PASSWORD"));
        } else if (env.containsKey("WASIPLAY_DB_USER") || env.containsKey("WASIPLAY_DB_PASSWORD")) {
            throw new IllegalArgumentException("WASIPLAY_DB_USER and WASIPLAY_DB_PASSWORD need WASIPLAY_DB_URL "
                    + "(the embedded H2 database has no user to set)");
        }
        if (env.containsKey("WASIPLAY_DB_WAIT_SECONDS")) {
            int seconds = intAtLeast(env.get("WASIPLAY_DB_WAIT_SECONDS"), "WASIPLAY_DB_WAIT_SECONDS", 1);
            if (seconds > MAX_DATABASE_WAIT_SECONDS) {
                throw new IllegalArgumentException("WASIPLAY_DB_WAIT_SECONDS must be at most "
                        + MAX_DATABASE_WAIT_SECONDS + ", not " + seconds);
            }
            b.databaseWait(Duration.ofSeconds(seconds));
        }
        if (env.containsKey("WASIPLAY_MAX_BODY_BYTES")) {
            b.maxBodyBytes(intAtLeast(env.get("WASIPLAY_MAX_BODY_BYTES"), "WASIPLAY_MAX_BODY_BYTES", 1));
        }
        if (env.containsKey("WASIPLAY_MAX_MODULE_BYTES")) {
            b.maxModuleBytes(intAtLeast(env.get("WASIPLAY_MAX_MODULE_BYTES"), "WASIPLAY_MAX_MODULE_BYTES", 8));
        }
        if (env.containsKey("WASIPLAY_RATE_LIMIT")) {
            b.rateLimitPerMinute(intAtLeast(env.get("WASIPLAY_RATE_LIMIT"), "WASIPLAY_RATE_LIMIT", 0));
        }
        String header = blankToNull(env.get("WASIPLAY_CLIENT_ADDRESS_HEADER"));
        if (header != null) {
            b.clientAddressHeader(header);
        }
        return b;
    }

    public String host() {
        return host;
    }

    /** The limits of each server run and how many run at once. */
    public RunSettings runSettings() {
        return runSettings;
    }

    /** Where the embedded database lives; null: a temporary directory made at start and deleted at stop. */
    public Path dataDir() {
        return dataDir;
    }

    /** The JDBC URL of an external database (PostgreSQL), or null for the embedded H2 in {@link #dataDir()}. */
    public String databaseUrl() {
        return databaseUrl;
    }

    public String databaseUser() {
        return databaseUser;
    }

    public String databasePassword() {
        return databasePassword;
    }

    /** How long a request waits for a database connection before the answer is 503. */
    public Duration databaseWait() {
        return databaseWait;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxModuleBytes() {
        return maxModuleBytes;
    }

    /** POST requests allowed per minute and client address; 0 turns rate limiting off. */
    public int rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    /** A header naming the client's address (e.g. X-Forwarded-For from a load balancer), or null: the peer. */
    public String clientAddressHeader() {
        return clientAddressHeader;
    }

    /** Builds a {@link ServerConfig}; see {@link ServerConfig#builder()} for the defaults. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private RunSettings runSettings = RunSettings.defaults();
        private Path dataDir;
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private Duration databaseWait = Database.DEFAULT_CONNECTION_WAIT;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxModuleBytes = DEFAULT_MAX_MODULE_BYTES;
        private int rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE;
        private String clientAddressHeader;

        private Builder() {}

        public Builder host(String value) {
            if (Objects.requireNonNull(value, "host").isBlank()) {
                throw new IllegalArgumentException("the host to bind must not be empty");
            }
            host = value;
            return this;
        }

        public Builder runSettings(RunSettings value) {
            runSettings = Objects.requireNonNull(value, "runSettings");
            return this;
        }

        /** The data directory (created if missing); null for a temporary one. */
        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        /** An external database instead of the embedded H2: a {@code jdbc:postgresql:} (or {@code jdbc:h2:}) URL. */
        public Builder database(String url, String user, String password) {
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException("WASIPLAY_DB_URL must be a jdbc:postgresql://HOST[:PORT]/DATABASE "
                        + "URL (or a jdbc:h2: one), not \"" + url + "\"");
            }
            databaseUrl = url;
            databaseUser = user;
            databasePassword = password;
            return this;
        }

        /** How long a request waits for a database connection before it gets a 503 (at least 250 ms). */
        public Builder databaseWait(Duration value) {
            if (value.toMillis() < 250) {
                throw new IllegalArgumentException("the database wait must be at least 250 ms, not " + value);
            }
            databaseWait = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = atLeast(value, 1, "the largest request body");
            return this;
        }

        public Builder maxModuleBytes(int value) {
            maxModuleBytes = atLeast(value, 8, "the largest module");
            return this;
        }

        /** POSTs per minute and client address, 0 for no limit, at most {@value #MAX_RATE_LIMIT}. */
        public Builder rateLimitPerMinute(int value) {
            rateLimitPerMinute = atLeast(value, 0, "the rate limit");
            if (value > MAX_RATE_LIMIT) {
                throw new IllegalArgumentException("the rate limit must be at most " + MAX_RATE_LIMIT
                        + " requests per minute (0 turns it off), not " + value);
            }
            return this;
        }

        public Builder clientAddressHeader(String value) {
            clientAddressHeader = blankToNull(value);
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(this);
        }

        private static int atLeast(int value, int minimum, String what) {
            if (value < minimum) {
                throw new IllegalArgumentException(what + " must be at least " + minimum + ", not " + value);
            }
            return value;
        }
    }

    private static int intAtLeast(String value, String name, int minimum) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + minimum + " to "
                + Integer.MAX_VALUE + ", not \"" + value + "\"");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
