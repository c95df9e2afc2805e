package dev.wasiplay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    private static Main.Options parse(Map<String, String> env, String... args) {
        return Main.Options.parse(args, env);
    }

    @Test
    void defaultsToLoopbackOn8080() {
        Main.Options options = parse(Map.of());

        assertEquals("127.0.0.1", options.host());
        assertEquals(8080, options.port());
        assertEquals(RunSettings.defaults(), options.runSettings());
        assertEquals(WasiPlayServer.DEFAULT_RUN_TIME_LIMIT, options.runSettings().timeout());
    }

    @Test
    void takesDefaultsFromTheEnvironment() {
        Main.Options options = parse(Map.of("WASIPLAY_PORT", "9000", "WASIPLAY_HOST", "0.0.0.0",
                "WASIPLAY_RUN_TIMEOUT_SECONDS", "30", "WASIPLAY_MAX_MEMORY_MB", "64", "WASIPLAY_MAX_OUTPUT_BYTES", "1000",
                "WASIPLAY_MAX_OPEN_FILES", "16", "WASIPLAY_RUN_WORKERS", "3", "WASIPLAY_RUN_QUEUE", "0"));

        assertEquals("0.0.0.0", options.host());
        assertEquals(9000, options.port());
        assertEquals(new RunSettings(Duration.ofSeconds(30), 64L << 20, 1000, 16, 3, 0), options.runSettings());
        assertEquals(1024, options.runSettings().limits().maxMemoryPages());
        assertEquals(1000, options.runSettings().limits().maxStderrBytes());
    }

    @Test
    void letsTheCommandLineWin() {
        assertEquals(9100, parse(Map.of("WASIPLAY_PORT", "9000"), "--port", "9100").port());
        assertEquals(0, parse(Map.of(), "--port=0").port());
        assertEquals("::1", parse(Map.of(), "--host", "::1").host());
    }

    @Test
    void rejectsBadValues() {
        assertEquals("--port must be a port number from 0 to 65535, not \"http\"",
                assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--port", "http")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--port", "65536"));
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--port"));
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("WASIPLAY_PORT", "-1")));
        assertEquals("WASIPLAY_RUN_TIMEOUT_SECONDS must be a whole number from 1 to 86400, not \"0\"",
                assertThrows(IllegalArgumentException.class,
                        () -> parse(Map.of("WASIPLAY_RUN_TIMEOUT_SECONDS", "0"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("WASIPLAY_MAX_MEMORY_MB", "lots")));
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("WASIPLAY_MAX_OPEN_FILES", "3")));
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("WASIPLAY_RUN_WORKERS", "0")));
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("WASIPLAY_RUN_QUEUE", "-1")));
        assertEquals("WASIPLAY_RUN_TIME_LIMIT is no longer read: set WASIPLAY_RUN_TIMEOUT_SECONDS instead",
                assertThrows(IllegalArgumentException.class,
                        () -> parse(Map.of("WASIPLAY_RUN_TIME_LIMIT", "30"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--verbose"))
                .getMessage().contains("--verbose"));
    }

    @Test
    void recognizesHelp() {
        assertTrue(parse(Map.of(), "--help").help());
    }
}
