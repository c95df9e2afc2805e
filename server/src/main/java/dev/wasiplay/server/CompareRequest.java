package dev.wasiplay.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wasiplay.host.RunStatus;
import dev.wasiplay.host.parity.EngineRun;
import dev.wasiplay.host.parity.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /api/compare}: {@code {"run": <the body of POST /api/run>, "browser": <the browser's
 * run of it, as an engine of the parity report>}}. The server runs {@code run} itself and answers the parity report
 * of the two. Deterministic mode is on (seed 42) unless {@code run.deterministic} says otherwise.
 */
record CompareRequest(RunBody run, EngineRun browser) {

    private static final Set<String> FIELDS = Set.of("run", "browser");
    private static final Set<String> BROWSER_FIELDS =
            Set.of("engine", "exitCode", "status", "durationMs", "stdout", "stderr", "files");
    private static final Set<String> FILE_FIELDS = Set.of("path", "change", "size", "sha256");

    static CompareRequest parse(byte[] body, WorkspaceParser workspaces) {
        JsonNode root = workspaces.readJson(body);
        if (!root.isObject()) {
            throw new BadRequestException("the request body must be a JSON object: {\"run\": <as for POST /api/run>, "
                    + "\"browser\": {\"exitCode\", \"status\", \"stdout\", \"stderr\", \"durationMs\", \"files\"}}");
        }
        checkFields(root, FIELDS, "");
        JsonNode run = root.get("run");
        if (run == null || !run.isObject()) {
            throw new BadRequestException("\"run\" must be an object: the workspace, as POST /api/run takes it");
        }
        JsonNode browser = root.get("browser");
        if (browser == null || !browser.isObject()) {
            throw new BadRequestException("\"browser\" must be an object: the browser's run, {\"exitCode\", \"status\", "
                    + "\"stdout\", \"stderr\", \"durationMs\", \"files\"}");
        }
        return new CompareRequest(RunBody.parse(run, workspaces, true), browserRun(browser));
    }

    private static EngineRun browserRun(JsonNode browser) {
        checkFields(browser, BROWSER_FIELDS, "browser.");
        JsonNode engine = browser.get("engine");
        if (engine != null && !"browser".equals(engine.textValue())) {
            throw new BadRequestException("\"browser.engine\" must be \"browser\" when given");
        }
        int exitCode = (int) whole(browser, "exitCode", Integer.MIN_VALUE, Integer.MAX_VALUE);
        String status = text(browser, "status");
        boolean known = false;
        for (RunStatus s : RunStatus.values()) {
            known |= s.label().equals(status);
        }
        if (!known) {
            throw new BadRequestException("\"browser.status\" must be ok, timeout, memory, output-limit, trap or error, "
                    + "not " + GuestPaths.quote(status));
        }
        long durationMs = whole(browser, "durationMs", 0, Long.MAX_VALUE);
        JsonNode files = browser.get("files");
        if (files == null || !files.isArray()) {
            throw new BadRequestException("\"browser.files\" must be an array of {\"path\", \"change\", \"size\", \"sha256\"}");
        }
        List<FileChange> changes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            String where = "browser.files[" + i + "].";
            if (!file.isObject()) {
                throw new BadRequestException("\"" + where.substring(0, where.length() - 1) + "\" must be an object");
            }
            checkFields(file, FILE_FIELDS, where);
            JsonNode sha = file.get("sha256");
            try {
                changes.add(new FileChange(text(file, "path", where), text(file, "change", where),
                        whole(file, "size", 0, Long.MAX_VALUE, where), sha == null || sha.isNull() ? null : sha.asText()));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("\"" + where.substring(0, where.length() - 1) + "\": " + e.getMessage());
            }
        }
        try {
            return new EngineRun("browser", exitCode, status, text(browser, "stdout"), text(browser, "stderr"),
                    durationMs, changes);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("\"browser.files\": " + e.getMessage());
        }
    }

    private static void checkFields(JsonNode object, Set<String> allowed, String prefix) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw new BadRequestException("unknown field " + GuestPaths.quote(prefix + field.getKey())
                        + "; expected " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode object, String name) {
        return text(object, name, "browser.");
    }

    private static String text(JsonNode object, String name, String prefix) {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual()) {
            throw new BadRequestException("\"" + prefix + name + "\" must be a string");
        }
        return value.textValue();
    }

    private static long whole(JsonNode object, String name, long min, long max) {
        return whole(object, name, min, max, "browser.");
    }

    private static long whole(JsonNode object, String name, long min, long max, String prefix) {
        JsonNode value = object.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new BadRequestException("\"" + prefix + name + "\" must be a whole number"
                    + (min == 0 ? ", 0 or more" : ""));
        }
        return value.longValue();
    }
}
