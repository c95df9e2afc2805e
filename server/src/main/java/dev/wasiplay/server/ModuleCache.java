package dev.wasiplay.server;

import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.InvalidModuleException;
import dev.wasiplay.server.store.ModuleStore;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed uploaded modules, by SHA-256, so repeated runs of one module do not re-read and re-parse it.
 * Keeps the most recently used modules whose wasm sizes add up to at most {@code maxBytes}.
 */
final class ModuleCache {

    private final ModuleStore store;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private record Entry(GuestModule module, long size) {}

    ModuleCache(ModuleStore store, long maxBytes) {
        this.store = store;
        this.maxBytes = maxBytes;
    }

    /**
     * The uploaded module {@code workspace} runs (400 if unknown), or null for a Python workspace: the bundled CPython
     * runs on the executor's own instances, so python.wasm itself is never parsed here.
     */
    GuestModule moduleFor(Workspace workspace) {
        return workspace.isPython() ? null : get(workspace.moduleSha256());
    }

    GuestModule get(String sha256) {
        synchronized (this) {
            Entry entry = entries.get(sha256);
            if (entry != null) {
                return entry.module();
            }
        }
        byte[] wasm = store.find(sha256).orElseThrow(() -> unknownModule(sha256));
        GuestModule module;
        try {
            module = GuestModule.load(wasm);
        } catch (InvalidModuleException e) {
            // Stored modules were validated on upload; a newer host may be stricter.
            throw new BadRequestException("module " + sha256 + " cannot be run: " + e.getMessage());
        }
        put(sha256, module, wasm.length);
        return module;
    }

    /** Remembers a module parsed elsewhere (on upload). */
    synchronized void put(String sha256, GuestModule module, long size) {
        Entry previous = entries.put(sha256, new Entry(module, size));
        bytes += size - (previous == null ? 0 : previous.size());
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && entries.size() > 1 && eldest.hasNext()) {
            Map.Entry<String, Entry> victim = eldest.next();
            if (victim.getKey().equals(sha256)) {
                continue;
            }
            bytes -= victim.getValue().size();
            eldest.remove();
        }
    }

    static BadRequestException unknownModule(String sha256) {
        return new BadRequestException("no uploaded module with SHA-256 " + sha256
                + "; upload it first with POST /api/modules");
    }
}
