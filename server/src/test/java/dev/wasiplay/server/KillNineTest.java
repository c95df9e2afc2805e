package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server in a process of its own on the embedded H2: what it acknowledged with 200 is still there
 * after {@code kill -9} and a restart on the same data directory.
 */
class KillNineTest {

    private static final Pattern RUNNING = Pattern.compile("WasiPlay is running at http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dataDir;

    /** A running server process and the port it announced. */
    private record ServerProcess(Process process, int port, StringBuffer output) {}

    private ServerProcess startServer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, Main.class.getName(), "--port", "0")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("WASIPLAY_"));
        builder.environment().put("WASIPLAY_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    Matcher running = RUNNING.matcher(line);
                    if (running.find()) {
                        port.complete(Integer.parseInt(running.group(1)));
                    }
                }
            } catch (java.io.IOException e) {
                // the process is gone
            }
            port.completeExceptionally(new AssertionError("the server exited before it was ready:\n" + output));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServerProcess(process, port.get(60, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("the server did not start:\n" + output, e);
        }
    }

    @Test
    void keepsAcknowledgedSnippetsThroughKillNineAndARestart() throws Exception {
        Map<String, String> saved = new LinkedHashMap<>();
        ServerProcess first = startServer();
        try {
            HttpTestClient client = new HttpTestClient(first.port());
            for (int i = 0; i < 20; i++) {
                String body = "{\"files\": {\"main.py\": \"print(" + i + ")\"}, \"main\": \"main.py\"}";
                HttpResponse<String> response = client.post("/api/snippets", body);
                assertEquals(200, response.statusCode(), response.body());
                saved.put(json(response).get("id").textValue(), "print(" + i + ")");
            }
        } finally {
            first.process().destroyForcibly(); // SIGKILL, right after the last 200
        }
        assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, first.process().exitValue(), "killed by SIGKILL");

        ServerProcess second = startServer();
        try {
            HttpTestClient client = new HttpTestClient(second.port());
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, String> snippet : saved.entrySet()) {
                HttpResponse<String> response = client.getText("/api/snippets/" + snippet.getKey());
                if (response.statusCode() != 200
                        || !snippet.getValue().equals(json(response).get("files").get("main.py").textValue())) {
                    missing.add(snippet.getKey() + " -> " + response.statusCode());
                }
            }
            assertEquals(List.of(), missing, "snippets lost:\n" + second.output());
        } finally {
            second.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

}
