package dev.wasiplay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    private static ServerConfig fromEnvironment(Map<String, String> env) {
        return ServerConfig.fromEnvironment(env).build();
    }

    private static String errorOf(Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> fromEnvironment(env)).getMessage();
    }

    @Test
    void defaultsToH2UnderDataWithTheDocumentedLimits() {
        ServerConfig config = fromEnvironment(Map.of());

        assertEquals(Path.of("data"), config.dataDir());
        assertNull(config.databaseUrl());
        assertEquals(1_048_576, config.maxBodyBytes());
        assertEquals(33_554_432, config.maxModuleBytes());
        assertEquals(120, config.rateLimitPerMinute());
        assertEquals(java.time.Duration.ofSeconds(10), config.databaseWait());
        assertNull(config.clientAddressHeader());
        assertEquals("127.0.0.1", config.host());
        assertEquals(RunSettings.defaults(), config.runSettings());
    }

    @Test
    void readsEverySettingFromTheEnvironment() {
        ServerConfig config = fromEnvironment(Map.of(
                "WASIPLAY_DATA_DIR", "/srv/wasiplay",
                "WASIPLAY_DB_URL", "jdbc:postgresql://db.internal:5432/wasiplay",
                "WASIPLAY_DB_USER", "play",
                "WASIPLAY_DB_PASSWORD", "secret",
                "WASIPLAY_DB_WAIT_SECONDS", "3",
                "WASIPLAY_MAX_BODY_BYTES", "2048",
                "WASIPLAY_MAX_MODULE_BYTES", "4096",
                "WASIPLAY_RATE_LIMIT", "0",
                "WASIPLAY_CLIENT_ADDRESS_HEADER", "X-Forwarded-For"));

        assertEquals(Path.of("/srv/wasiplay"), config.dataDir());
        assertEquals("jdbc:postgresql://db.internal:5432/wasiplay", config.databaseUrl());
        assertEquals("play", config.databaseUser());
        assertEquals("secret", config.databasePassword());
        assertEquals(java.time.Duration.ofSeconds(3), config.databaseWait());
        assertEquals(2048, config.maxBodyBytes());
        assertEquals(4096, config.maxModuleBytes());
        assertEquals(0, config.rateLimitPerMinute());
        assertEquals("X-Forwarded-For", config.clientAddressHeader());
    }

    @Test
    void readsTheRunSettingsFromTheEnvironment() {
        ServerConfig config = fromEnvironment(Map.of(
                "WASIPLAY_RUN_TIMEOUT_SECONDS", "30",
                "WASIPLAY_RUN_WORKERS", "3",
                "WASIPLAY_RUN_QUEUE", "0"));

        assertEquals(java.time.Duration.ofSeconds(30), config.runSettings().timeout());
        assertEquals(3, config.runSettings().workers());
        assertEquals(0, config.runSettings().queue());
    }

    @Test
    void refusesTheOldRunTimeLimitVariable() {
        assertEquals("WASIPLAY_RUN_TIME_LIMIT is no longer read: set WASIPLAY_RUN_TIMEOUT_SECONDS instead",
                errorOf(Map.of("WASIPLAY_RUN_TIME_LIMIT", "30")));
    }

    @Test
    void leavesTheDataDirectoryTemporaryWhenBuiltInCode() {
        assertNull(ServerConfig.builder().build().dataDir());
    }

    @Test
    void namesTheVariableThatIsWrong() {
        assertEquals("WASIPLAY_MAX_BODY_BYTES must be a whole number from 1 to 2147483647, not \"1MB\"",
                errorOf(Map.of("WASIPLAY_MAX_BODY_BYTES", "1MB")));
        assertEquals("WASIPLAY_RATE_LIMIT must be a whole number from 0 to 2147483647, not \"-1\"",
                errorOf(Map.of("WASIPLAY_RATE_LIMIT", "-1")));
        assertEquals("the rate limit must be at most 1000000 requests per minute (0 turns it off), not 2000000",
                errorOf(Map.of("WASIPLAY_RATE_LIMIT", "2000000")));
        assertEquals("WASIPLAY_DB_WAIT_SECONDS must be a whole number from 1 to 2147483647, not \"0\"",
                errorOf(Map.of("WASIPLAY_DB_WAIT_SECONDS", "0")));
        assertEquals("WASIPLAY_DB_WAIT_SECONDS must be at most 300, not 301",
                errorOf(Map.of("WASIPLAY_DB_WAIT_SECONDS", "301")));
        assertEquals("WASIPLAY_DB_URL must be a jdbc:postgresql://HOST[:PORT]/DATABASE URL (or a jdbc:h2: one), "
                + "not \"postgres://db/wasiplay\"", errorOf(Map.of("WASIPLAY_DB_URL", "postgres://db/wasiplay")));
        assertEquals("WASIPLAY_DB_USER and WASIPLAY_DB_PASSWORD need WASIPLAY_DB_URL (the embedded H2 database has "
                + "no user to set)", errorOf(Map.of("WASIPLAY_DB_USER", "play")));
    }
}
