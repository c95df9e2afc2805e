package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.wasiplay.polyfill.WasiFunction;
import dev.wasiplay.polyfill.conformance.Conformance;
import dev.wasiplay.polyfill.conformance.GuestCase;
import dev.wasiplay.polyfill.vfs.TarImage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite (polyfill/src/test/guests) on Chicory: every case runs through {@link ChicoryHost}
 * with its argv, environment, stdin, preopens and input image, and must end with exactly the expected exit
 * code, stdout, stderr and file tree. The same cases run in Chromium in web-client.
 */
class ConformanceOnChicoryTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicTest> everyGuestCase() {
        return GuestCase.all().stream().map(guest -> dynamicTest(guest.name(), () -> {
            Assumptions.assumeTrue(guest.disabledReason() == null, guest.disabledReason());
            GuestModule module = GuestModule.load(guest.wasm());
            RunSpec.Builder spec = RunSpec.builder()
                    .argv(guest.argv())
                    .stdin(guest.stdinBytes())
                    .image(guest.inputImage());
            for (String[] variable : guest.env()) {
                spec.env(variable[0], variable[1]);
            }
            guest.preopens().forEach(spec::preopen);
            RunOutcome outcome = assertTimeoutPreemptively(LIMIT, () -> ChicoryHost.run(module, spec.build()));
            Conformance.check(guest, "chicory", new Conformance.Result(outcome.exitCode(), outcome.stdoutText(),
                    outcome.stderrText(), TarImage.create(outcome.fileSystem())));
        }));
    }

    /** Together the guests import every function of wasi_snapshot_preview1. */
    @Test
    void theGuestsImportEveryWasiFunction() {
        Set<WasiFunction> imported = EnumSet.noneOf(WasiFunction.class);
        for (GuestCase guest : GuestCase.all()) {
            if (guest.disabledReason() == null) {
                imported.addAll(GuestModule.load(guest.wasm()).imports());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (WasiFunction f : WasiFunction.values()) {
            if (!imported.contains(f)) {
                missing.add(f.importName);
            }
        }
        assertEquals(Set.of(), missing, "functions no enabled guest imports");
    }
}
