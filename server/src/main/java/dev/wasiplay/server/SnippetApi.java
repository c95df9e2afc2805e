package dev.wasiplay.server;

import dev.wasiplay.server.store.ModuleStore;
import dev.wasiplay.server.store.SnippetStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/snippets} (save a workspace, get its id and share URL) and {@code GET /api/snippets/{id}}
 * (read it back). Snippets are immutable and their ids derive from their content, so a saved snippet may
 * be cached for good and saving it again changes nothing.
 */
final class SnippetApi {

    static final String IMAGE_TYPE = "application/x-tar";

    private final SnippetStore snippets;
    private final ModuleStore modules;
    private final WorkspaceParser parser = new WorkspaceParser();
    private final int maxBodyBytes;

    SnippetApi(SnippetStore snippets, ModuleStore modules, int maxBodyBytes) {
        this.snippets = snippets;
        this.modules = modules;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/snippets", this::save);
        routes.get("/api/snippets/{id}", this::read);
        routes.head("/api/snippets/{id}", this::read);
        routes.get("/api/snippets/{id}/image", this::readImage);
        routes.post("/api/image", this::image);
    }

    private void save(Context ctx) throws IOException {
        Workspace workspace = parser.parse(HttpBodies.read(ctx, maxBodyBytes));
        String module = workspace.moduleSha256();
        if (module != null && !modules.exists(module)) {
            throw ModuleCache.unknownModule(module);
        }
        String content = workspace.canonicalJson();
        String id = Workspace.idOf(content);
        snippets.save(id, content);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("url", "/s/" + id);
        ctx.json(answer);
    }

    private void read(Context ctx) {
        String id = ctx.pathParam("id");
        String content = find(id);
        String etag = "\"" + id + "\"";
        ctx.header(Header.CACHE_CONTROL, Pages.IMMUTABLE);
        ctx.header(Header.ETAG, etag);
        if (HttpBodies.notModified(ctx, etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(content);
    }

    /** The filesystem image a run of the snippet starts from; immutable like the snippet. */
    private void readImage(Context ctx) {
        String id = ctx.pathParam("id");
        Workspace workspace = parser.parse(find(id).getBytes(StandardCharsets.UTF_8));
        String etag = "\"" + id + ".tar\"";
        ctx.header(Header.CACHE_CONTROL, Pages.IMMUTABLE);
        ctx.header(Header.ETAG, etag);
        if (HttpBodies.notModified(ctx, etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(IMAGE_TYPE).result(workspace.imageOrBadRequest());
    }

    /** The filesystem image of a workspace sent in the body (same JSON as a snippet), e.g. an edited one. */
    private void image(Context ctx) throws IOException {
        Workspace workspace = parser.parse(HttpBodies.read(ctx, maxBodyBytes));
        ctx.contentType(IMAGE_TYPE).result(workspace.imageOrBadRequest());
    }

    /** The stored snippet JSON, or a 404. */
    String find(String id) {
        if (!Workspace.looksLikeId(id)) {
            throw noSnippet(id);
        }
        return snippets.find(id).orElseThrow(() -> noSnippet(id));
    }

    private static ApiException noSnippet(String id) {
        return new ApiException(404, "no snippet with id " + GuestPaths.quote(id)
                + (Workspace.looksLikeId(id) ? "" : " (ids are " + Workspace.ID_LENGTH + " characters of A-Z a-z 0-9 - _)"));
    }
}
