package dev.wasiplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.of("a", "b", "same\n", "same\n"));
    }

    @Test
    void aChangedLineWithContextAroundIt() {
        String from = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String to = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        assertEquals("""
                --- a
                +++ b
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """, UnifiedDiff.of("a", "b", from, to));
    }

    @Test
    void changesFarApartMakeSeparateHunks() {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            from.append(i).append('\n');
            if (i != 12) {
                to.append(i == 2 ? "two" : i == 19 ? "nineteen" : Integer.toString(i)).append('\n');
            }
        }

        assertEquals("""
                --- a
                +++ b
                @@ -1,5 +1,5 @@
                 1
                -2
                +two
                 3
                 4
                 5
                @@ -9,12 +9,11 @@
                 9
                 10
                 11
                -12
                 13
                 14
                 15
                 16
                 17
                 18
                -19
                +nineteen
                 20
                """, UnifiedDiff.of("a", "b", from.toString(), to.toString()));
    }

    @Test
    void additionsToAnEmptyTextAndAMissingFinalNewline() {
        assertEquals("""
                --- a
                +++ b
                @@ -0,0 +1,2 @@
                +x
                +y
                \\ No newline at end of file
                """, UnifiedDiff.of("a", "b", "", "x\ny"));
        assertEquals("""
                --- a
                +++ b
                @@ -1 +1 @@
                -end
                +end
                \\ No newline at end of file
                """, UnifiedDiff.of("a", "b", "end\n", "end"));
    }
}
