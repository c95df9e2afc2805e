package dev.wasiplay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasiplay.polyfill.DeterministicMode;
import java.util.Map;

/**
 * The body of {@code POST /api/run} (and the {@code "run"} of {@code POST /api/compare}): a workspace plus the
 * run-only field {@code "deterministic"}: {@code {"seed": N}} (N a whole number from 0 to 2^53-1), {@code {}}
 * for the default seed (42), or {@code false} for off. Absent, it is off for a run and on (seed 42) for a compare.
 *
 * @param seed the deterministic mode's seed, or null when off
 */
record RunBody(Workspace workspace, Long seed) {

    static RunBody parse(JsonNode root, WorkspaceParser workspaces, boolean deterministicByDefault) {
        if (!root.isObject()) {
            return new RunBody(workspaces.parse(root), null); // the workspace parser explains what is expected
        }
        ObjectNode fields = ((ObjectNode) root).deepCopy();
        JsonNode deterministic = fields.remove("deterministic");
        Long seed = deterministicByDefault ? DeterministicMode.DEFAULT_SEED : null;
        if (deterministic != null && !deterministic.isNull()) {
            seed = seed(deterministic);
        }
        return new RunBody(workspaces.parse(fields), seed);
    }

    /** {@code {"seed": 42}} for the answers, or null when off. */
    Map<String, Long> deterministicJson() {
        return seed == null ? null : Map.of("seed", seed);
    }

    private static Long seed(JsonNode deterministic) {
        if (deterministic.isBoolean() && !deterministic.booleanValue()) {
            return null;
        }
        if (!deterministic.isObject()) {
            throw new BadRequestException("\"deterministic\" must be an object like {\"seed\": 42}, {} for the default "
                    + "seed, or false");
        }
        long seed = DeterministicMode.DEFAULT_SEED;
        for (Map.Entry<String, JsonNode> field : deterministic.properties()) {
            if (!field.getKey().equals("seed")) {
                throw new BadRequestException("unknown field " + GuestPaths.quote(field.getKey())
                        + " in \"deterministic\"; expected seed");
            }
            JsonNode value = field.getValue();
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
                    || value.longValue() > DeterministicMode.MAX_SEED) {
                throw new BadRequestException("\"deterministic.seed\" must be a whole number from 0 to "
                        + DeterministicMode.MAX_SEED + ", not " + value);
            }
            seed = value.longValue();
        }
        return seed;
    }
}
