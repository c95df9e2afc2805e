package dev.wasiplay.server;

import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.InvalidModuleException;
import dev.wasiplay.server.store.ModuleStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/modules} (upload a wasm32-wasi command module, validated and stored under its SHA-256)
 * and {@code GET /api/modules/{sha256}} (its bytes, cacheable for good). A snippet or run names an
 * uploaded module as its runtime, {@code "module:<sha256>"}.
 */
final class ModuleApi {

    private final ModuleStore modules;
    private final ModuleCache cache;
    private final int maxModuleBytes;

    ModuleApi(ModuleStore modules, ModuleCache cache, int maxModuleBytes) {
        this.modules = modules;
        this.cache = cache;
        this.maxModuleBytes = maxModuleBytes;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/modules", this::upload);
        routes.get("/api/modules/{sha256}", this::download);
        routes.head("/api/modules/{sha256}", this::download);
    }

    private void upload(Context ctx) throws IOException {
        byte[] wasm = HttpBodies.read(ctx, maxModuleBytes);
        GuestModule module;
        try {
            module = GuestModule.load(wasm);
        } catch (InvalidModuleException e) {
            throw new BadRequestException(e.getMessage());
        }
        String sha256 = modules.save(wasm);
        cache.put(sha256, module, wasm.length);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sha256", sha256);
        answer.put("size", wasm.length);
        answer.put("url", "/api/modules/" + sha256);
        ctx.json(answer);
    }

    private void download(Context ctx) {
        String sha256 = ctx.pathParam("sha256");
        byte[] wasm = WorkspaceParser.isSha256(sha256) ? modules.find(sha256).orElse(null) : null;
        if (wasm == null) {
            throw new ApiException(404, "no uploaded module with SHA-256 " + GuestPaths.quote(sha256));
        }
        String etag = "\"" + sha256 + "\"";
        ctx.header(Header.CACHE_CONTROL, Pages.IMMUTABLE);
        ctx.header(Header.ETAG, etag);
        if (HttpBodies.notModified(ctx, etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/wasm");
        ctx.disableCompression(); // the exact Content-Length lets the worker show download progress
        ctx.header(Header.CONTENT_LENGTH, Integer.toString(wasm.length));
        if (!"HEAD".equals(ctx.method().name())) {
            ctx.result(wasm);
        }
    }
}
