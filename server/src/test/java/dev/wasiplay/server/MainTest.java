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
        assertEquals(WasiPlayServer.DEFAULT_RUN_TIME_LIMIT, options.runTimeLimit());
    }

    @Test
    void takesDefaultsFromTheEnvironment() {
        Main.Options options = parse(Map.of("WASIPLAY_PORT", "9000", "WASIPLAY_HOST", "0.0.0.0",
                "WASIPLAY_RUN_TIME_LIMIT", "30"));

        assertEquals("0.0.0.0", options.host());
        assertEquals(9000, options.port());
        assertEquals(Duration.ofSeconds(30), options.runTimeLimit());
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
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("WASIPLAY_RUN_TIME_LIMIT", "0")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--verbose"))
                .getMessage().contains("--verbose"));
    }

    @Test
    void recognizesHelp() {
        assertTrue(parse(Map.of(), "--help").help());
    }
}
