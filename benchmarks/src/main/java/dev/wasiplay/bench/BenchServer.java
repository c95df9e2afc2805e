package dev.wasiplay.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The browser part's page on a free loopback port, cross-origin isolated like the real server (COOP
 * same-origin, COEP require-corp, CORP same-origin), nothing cached: {@code /bench.html}, its script, the peers'
 * worker bundle, WasiPlay's worker ({@code /js/} from the web-client jar) and {@code /python.wasm}.
 */
final class BenchServer implements AutoCloseable {
    private static final Map<String, String> PAGE_FILES = Map.of(
            "/bench.html", "text/html; charset=utf-8",
            "/bench-page.js", "text/javascript",
            "/peers-worker.js", "text/javascript");

    private final HttpServer server;
    private final byte[] python;

    BenchServer(byte[] python) throws IOException {
        this.python = python;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals("/python.wasm")) {
                body = python;
                type = "application/wasm";
            } else if (PAGE_FILES.containsKey(path)) {
                body = resource("/dev/wasiplay/bench/web" + path);
                type = PAGE_FILES.get(path);
            } else if (path.startsWith("/js/") && !path.contains("..")) {
                body = resource("/public" + path);
                type = "text/javascript";
            } else {
                body = null;
                type = null;
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Cross-Origin-Embedder-Policy", "require-corp");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            headers.set("Cache-Control", "no-store");
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            headers.set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BenchServer.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
