package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.wasiplay.server.store.SnippetStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.NotFoundResponse;

/**
 * The HTML pages and the static files: {@code /} (the playground), {@code /s/{id}} (the playground with a
 * snippet), {@code /embed/{id}} (the compact view for iframes on other sites), and every other file of
 * {@link StaticAssets}. Also owns the security headers every response carries.
 */
final class Pages {

    /** What the pages load: own scripts, styles, workers and fetches (and blob: fetches, for a module uploaded
     * into this browser only); wasm compiled in the worker. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; "
            + "worker-src 'self'; connect-src 'self' blob:; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors ";
    static final String PAGE_POLICY = CONTENT_SECURITY_POLICY + "'none'";
    static final String EMBED_POLICY = CONTENT_SECURITY_POLICY + "*";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final StaticAssets assets;
    private final SnippetStore snippets;

    Pages(StaticAssets assets, SnippetStore snippets) {
        this.assets = assets;
        this.snippets = snippets;
    }

    /**
     * Headers for every response. Cross-origin isolation (COOP + COEP, CORP on our own files) gives the
     * worker SharedArrayBuffer. Nothing but {@code /embed/...} may be framed; embeds may be framed by any
     * site, also a cross-origin isolated one (hence CORP cross-origin on them).
     */
    static void addSecurityHeaders(Context ctx) {
        boolean embed = ctx.path().startsWith("/embed/");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Embedder-Policy", "require-corp");
        ctx.header("Cross-Origin-Resource-Policy", embed ? "cross-origin" : "same-origin");
        ctx.header("Content-Security-Policy", embed ? EMBED_POLICY : PAGE_POLICY);
        if (!embed) {
            ctx.header("X-Frame-Options", "DENY");
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header(Header.VARY, "Accept-Encoding");
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, page("/index.html")));
        routes.head("/", ctx -> serve(ctx, page("/index.html")));
        routes.get("/s/{id}", ctx -> servePageOfSnippet(ctx, "/index.html"));
        routes.head("/s/{id}", ctx -> servePageOfSnippet(ctx, "/index.html"));
        routes.get("/embed/{id}", ctx -> servePageOfSnippet(ctx, "/embed.html"));
        routes.head("/embed/{id}", ctx -> servePageOfSnippet(ctx, "/embed.html"));
    }

    /** Registered last: every GET/HEAD no other route took. */
    void registerStaticFiles(RoutesConfig routes) {
        routes.get("/<path>", this::serveStaticFile);
        routes.head("/<path>", this::serveStaticFile);
    }

    private void servePageOfSnippet(Context ctx, String page) {
        String id = ctx.pathParam("id");
        if (!Workspace.looksLikeId(id) || snippets.find(id).isEmpty()) {
            ctx.status(404).contentType("text/html; charset=utf-8").result(notFoundPage(id));
            return;
        }
        serve(ctx, page(page));
    }

    private void serveStaticFile(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            throw new NotFoundResponse();
        }
        StaticAssets.Asset asset = assets.find(ctx.path());
        if (asset == null) {
            throw new NotFoundResponse("no file " + ctx.path());
        }
        serve(ctx, asset);
    }

    private StaticAssets.Asset page(String path) {
        StaticAssets.Asset page = assets.find(path);
        if (page == null) {
            throw new IllegalStateException("the page " + path + " is missing from the static files");
        }
        return page;
    }

    /**
     * Sends an asset in the best encoding the client accepts (br, gzip, identity). A URL whose {@code ?v=}
     * names the current bytes is cacheable for good; anything else is revalidated with its ETag.
     */
    private static void serve(Context ctx, StaticAssets.Asset asset) {
        String version = ctx.queryParam("v");
        ctx.header(Header.CACHE_CONTROL, version != null && StaticAssets.isCurrentVersion(asset, version)
                ? IMMUTABLE : "no-cache");
        String etag = "\"" + asset.sha256() + "\"";
        ctx.header(Header.ETAG, etag);
        if (HttpBodies.notModified(ctx, etag)) {
            ctx.status(304);
            return;
        }
        String accepted = ctx.header(Header.ACCEPT_ENCODING);
        byte[] body = asset.identity();
        if (asset.brotli() != null && accepts(accepted, "br")) {
            body = asset.brotli();
            ctx.header(Header.CONTENT_ENCODING, "br");
        } else if (asset.gzip() != null && accepts(accepted, "gzip")) {
            body = asset.gzip();
            ctx.header(Header.CONTENT_ENCODING, "gzip");
        }
        ctx.disableCompression();
        ctx.contentType(asset.contentType());
        ctx.header(Header.CONTENT_LENGTH, Integer.toString(body.length));
        if (!"HEAD".equals(ctx.method().name())) {
            ctx.result(body);
        }
    }

    /** True if an Accept-Encoding value lists {@code coding} without {@code q=0}. */
    static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            if (!pieces[0].trim().equalsIgnoreCase(coding)) {
                continue;
            }
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim().replace(" ", "");
                if (parameter.matches("q=0(\\.0*)?")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] notFoundPage(String id) {
        String shown = id.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>No such snippet - WasiPlay"
                + "</title></head>\n<body><h1>No such snippet</h1>\n<p>There is no snippet <code>" + shown
                + "</code> here: the link may be cut short or mistyped.</p>\n"
                + "<p><a href=\"/\" target=\"_top\">Open the WasiPlay playground</a></p></body></html>\n").getBytes(UTF_8);
    }
}
