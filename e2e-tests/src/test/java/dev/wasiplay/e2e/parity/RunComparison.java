package dev.wasiplay.e2e.parity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Compares two engines' runs of one case: how the run ended (exit code and status), stdout, stderr and the
 * tree under "/". Nothing is normalised: the output is compared byte for byte, the tree path by path with each
 * file's sha256. The one exception is forced by the browser worker, which posts output as text it decoded
 * from UTF-8: when one side's bytes are not valid UTF-8, that stream is compared as decoded text (U+FFFD for
 * each malformed sequence, as the worker's TextDecoder does) and a note says so.
 *
 * @param differences one line per difference, empty when the runs agree
 * @param notes       how a stream had to be compared, when not byte for byte
 */
public record RunComparison(List<String> differences, List<String> notes) {
    private static final int EXCERPT = 60;

    public RunComparison {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    public boolean same() {
        return differences.isEmpty();
    }

    public static RunComparison of(EngineRun a, EngineRun b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!a.completed() || !b.completed()) {
            for (EngineRun r : List.of(a, b)) {
                if (!r.completed()) {
                    differences.add("no result from " + r.engine() + ": " + r.failure());
                }
            }
            return new RunComparison(differences, notes);
        }
        if (a.exitCode() != b.exitCode() || !a.status().equals(b.status())) {
            differences.add("ending: " + a.engine() + " " + a.ending() + ", " + b.engine() + " " + b.ending());
        }
        compareStream("stdout", a, a.stdout(), a.stdoutDecoded(), b, b.stdout(), b.stdoutDecoded(), differences, notes);
        compareStream("stderr", a, a.stderr(), a.stderrDecoded(), b, b.stderr(), b.stderrDecoded(), differences, notes);
        compareFiles(a, b, differences);
        return new RunComparison(differences, notes);
    }

    private static void compareStream(String stream, EngineRun a, byte[] aBytes, boolean aDecoded, EngineRun b,
            byte[] bBytes, boolean bDecoded, List<String> differences, List<String> notes) {
        if (aDecoded != bDecoded) {
            byte[] raw = aDecoded ? bBytes : aBytes;
            if (!isUtf8(raw)) {
                // The decoded side cannot hold these bytes; compare what the worker would have made of them.
                String rawEngine = aDecoded ? b.engine() : a.engine();
                notes.add(stream + " is not valid UTF-8 (" + rawEngine + "'s bytes); compared as UTF-8-decoded text "
                        + "because the browser worker posts text");
                aBytes = aDecoded ? aBytes : decodeLikeTextDecoder(aBytes);
                bBytes = bDecoded ? bBytes : decodeLikeTextDecoder(bBytes);
            }
        }
        int at = firstDifference(aBytes, bBytes);
        if (at >= 0) {
            differences.add(stream + " differs at byte " + at + " (" + a.engine() + " " + aBytes.length + " bytes, "
                    + b.engine() + " " + bBytes.length + " bytes): " + a.engine() + " " + excerpt(aBytes, at) + ", "
                    + b.engine() + " " + excerpt(bBytes, at));
        }
    }

    private static void compareFiles(EngineRun a, EngineRun b, List<String> differences) {
        SortedMap<String, String> af = a.files();
        SortedMap<String, String> bf = b.files();
        TreeSet<String> paths = new TreeSet<>(af.keySet());
        paths.addAll(bf.keySet());
        for (String path : paths) {
            String av = af.get(path);
            String bv = bf.get(path);
            if (av == null) {
                differences.add("file " + path + " only in " + b.engine() + " (" + bv + ")");
            } else if (bv == null) {
                differences.add("file " + path + " only in " + a.engine() + " (" + av + ")");
            } else if (!av.equals(bv)) {
                differences.add("file " + path + " differs: " + a.engine() + " " + av + ", " + b.engine() + " " + bv);
            }
        }
    }

    /** Index of the first differing byte (or the shorter length when one is a prefix), -1 when equal. */
    static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** UTF-8 decoding with one U+FFFD per maximal malformed subpart (WHATWG's and the JDK's rule), re-encoded. */
    static byte[] decodeLikeTextDecoder(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    /** Up to {@value #EXCERPT} bytes from a little before {@code at}, quoted with escapes. */
    private static String excerpt(byte[] bytes, int at) {
        int start = Math.max(0, at - 20);
        int end = Math.min(bytes.length, start + EXCERPT);
        StringBuilder s = new StringBuilder(start > 0 ? "\"..." : "\"");
        for (int i = start; i < end; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\n') {
                s.append("\\n");
            } else if (c == '\\' || c == '"') {
                s.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        return s.append(end < bytes.length ? "...\"" : "\"").toString();
    }

    /** For the summary. */
    public Map<String, Object> describe() {
        return Map.of("differences", differences, "notes", notes);
    }
}
