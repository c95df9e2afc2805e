package dev.wasiplay.polyfill.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.polyfill.WasiFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The conformance cases are well-formed, and the conformance table in polyfill/README.md names every
 * function of wasi_snapshot_preview1 once, with at least one case, only cases that exist, and every case.
 * (The cases themselves run on both engines in wasi-host and web-client.)
 */
class ConformanceTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| ([^|]+) \\| ([^|]+) \\|$");
    private static final Pattern CASE = Pattern.compile("`([a-z0-9-]+)`");

    @Test
    void everyCaseIsWellFormed() {
        List<GuestCase> cases = GuestCase.all();
        assertTrue(cases.size() >= 15, "cases found: " + cases);
        for (GuestCase guest : cases) {
            assertTrue(guest.name().matches("(c|wat)-[a-z0-9-]+"), guest.name());
            assertEquals(guest.name().startsWith("c-"), guest.isC(), guest.name() + ": c- cases are C, wat- cases WAT");
            assertFalse(guest.argv().isEmpty(), guest.name() + ": argv needs a program name");
            assertFalse(guest.preopens().isEmpty(), guest.name());
        }
    }

    @Test
    void theReadmeTableCoversEveryFunctionWithExistingCases() throws IOException {
        Path readme = GuestCase.root().resolve("../../../README.md").normalize();
        List<String> lines = Files.readAllLines(readme);
        int start = indexOfPrefix(lines, "<!-- conformance-table");
        int end = indexOfPrefix(lines, "<!-- end of conformance-table");
        assertTrue(start >= 0 && end > start, "markers of the conformance table in " + readme);

        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : lines.subList(start + 1, end)) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            List<String> cases = new ArrayList<>();
            Matcher c = CASE.matcher(row.group(3));
            while (c.find()) {
                cases.add(c.group(1));
            }
            assertFalse(rows.containsKey(row.group(1)), "two rows for " + row.group(1));
            rows.put(row.group(1), cases);
        }

        Set<String> functions = new TreeSet<>();
        for (WasiFunction f : WasiFunction.values()) {
            functions.add(f.importName);
        }
        assertEquals(functions, rows.keySet(), "the table's functions");
        Set<String> existing = new TreeSet<>();
        for (GuestCase guest : GuestCase.all()) {
            existing.add(guest.name());
        }
        Set<String> named = new TreeSet<>();
        rows.forEach((function, cases) -> {
            assertFalse(cases.isEmpty(), function + " names no case");
            named.addAll(cases);
        });
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(existing);
        assertEquals(Set.of(), unknown, "cases named in the table that do not exist");
        Set<String> unnamed = new TreeSet<>(existing);
        unnamed.removeAll(named);
        assertEquals(Set.of(), unnamed, "cases the table never names");
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
