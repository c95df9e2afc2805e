package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunSpecTest {

    @Test
    void rejectsEnvironmentNamesWithEqualsOrEmpty() {
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().env("A=B", "c"));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().env("", "c"));
    }

    @Test
    void rejectsNulCharacters() {
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().argv(List.of("a\0b")));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().env("A", "b\0"));
    }

    @Test
    void rejectsFilePathsThatEscapeOrNameNothing() {
        IllegalArgumentException escape = assertThrows(IllegalArgumentException.class,
                () -> RunSpec.builder().file("/../etc/passwd", new byte[0]));
        assertEquals("'..' in file path: \"/../etc/passwd\"", escape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().file("/./", new byte[0]));
    }

    @Test
    void copiesInputsSoLaterChangesDoNotLeakIn() {
        byte[] content = {1, 2, 3};
        RunSpec spec = RunSpec.builder().file("a/b.txt", content).stdin(content).build();
        content[0] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, spec.newRunFileSystem().readFile("/a/b.txt"));
        assertArrayEquals(new byte[] {1, 2, 3}, spec.stdin());
    }
}
