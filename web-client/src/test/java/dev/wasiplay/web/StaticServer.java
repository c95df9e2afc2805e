package dev.wasiplay.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A static HTTP server on a free loopback port. Every response carries the headers that make the page
 * cross-origin isolated (so the worker may block in Atomics.wait): COOP same-origin, COEP require-corp,
 * CORP same-origin. Paths under /js/ come from the classpath's public/js/, i.e. from this module's build.
 */
final class StaticServer implements AutoCloseable {
    private record Resource(byte[] bytes, String contentType) {
    }

    /** A computed answer: status, extra headers, body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Answer>> answers = new ConcurrentHashMap<>();

    StaticServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StaticServer serve(String path, byte[] bytes, String contentType) {
        resources.put(path, new Resource(bytes, contentType));
        return this;
    }

    /** Answers every request for {@code path} (any method) with what {@code answer} gives at the time. */
    StaticServer answer(String path, Supplier<Answer> answer) {
        answers.put(path, answer);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Supplier<Answer> computed = answers.get(exchange.getRequestURI().getPath());
            if (computed != null) {
                exchange.getRequestBody().readAllBytes();
                Answer answer = computed.get();
                answer.headers().forEach(exchange.getResponseHeaders()::set);
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                if (answer.body().length > 0) {
                    try (OutputStream body = exchange.getResponseBody()) {
                        body.write(answer.body());
                    }
                }
                return;
            }
            Resource resource = find(exchange.getRequestURI().getPath());
            var headers = exchange.getResponseHeaders();
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Cross-Origin-Embedder-Policy", "require-corp");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            headers.set("Cache-Control", "no-store");
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            headers.set("Content-Type", resource.contentType());
            exchange.sendResponseHeaders(200, resource.bytes().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(resource.bytes());
            }
        }
    }

    private Resource find(String path) {
        Resource registered = resources.get(path);
        if (registered != null || !path.startsWith("/js/") || path.contains("..")) {
            return registered;
        }
        try (InputStream in = StaticServer.class.getResourceAsStream("/public" + path)) {
            return in == null ? null : new Resource(in.readAllBytes(), "text/javascript");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
