package dev.wasiplay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.host.ChicoryHost;
import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.RunOutcome;
import dev.wasiplay.host.RunSpec;
import dev.wasiplay.server.store.Database;
import dev.wasiplay.server.store.ModuleStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploaded modules are parsed once and compiled once, in the background, against a real embedded database. */
class ModuleCacheTest {
    @TempDir
    Path dataDir;

    private Database database;
    private ModuleStore store;
    private ModuleCache cache;

    @BeforeEach
    void open() {
        database = Database.openEmbedded(dataDir);
        store = new ModuleStore(database);
        cache = new ModuleCache(store, 64L << 20);
    }

    @AfterEach
    void close() {
        cache.close();
        database.close();
    }

    @Test
    void aStoredModuleIsRunCompiledAndKept() throws Exception {
        String sha256 = store.save(CGuests.compile(CGuests.GREETER));
        GuestModule module = cache.get(sha256);
        assertTrue(module.isCompiled(), "compiled within the wait");
        assertSame(module, cache.get(sha256), "parsed and compiled once");
        RunOutcome outcome = ChicoryHost.run(module, RunSpec.builder().argv(List.of("greeter", "WasiPlay")).build());
        assertEquals(7, outcome.exitCode(), outcome.stderrText());
        assertTrue(outcome.stdoutText().startsWith("argv: [greeter] [WasiPlay]\n"), outcome.stdoutText());
    }

    @Test
    void anUploadedModuleStartsCompilingAtOnce() throws Exception {
        byte[] wasm = CGuests.compile(CGuests.GREETER);
        GuestModule parsed = GuestModule.load(wasm);
        String sha256 = store.save(wasm);
        cache.put(sha256, parsed, wasm.length);
        GuestModule module = cache.get(sha256);
        assertTrue(module.isCompiled());
        assertFalse(parsed.isCompiled());
    }

    @Test
    void afterCloseModulesStillRunOnTheInterpreter() throws Exception {
        cache.close();
        String sha256 = store.save(CGuests.compile(CGuests.GREETER));
        GuestModule module = cache.get(sha256);
        assertFalse(module.isCompiled());
    }

    @Test
    void anUnknownDigestIsABadRequest() {
        BadRequestException unknown = assertThrows(BadRequestException.class, () -> cache.get("a".repeat(64)));
        assertTrue(unknown.getMessage().startsWith("no uploaded module with SHA-256 "), unknown.getMessage());
    }
}
