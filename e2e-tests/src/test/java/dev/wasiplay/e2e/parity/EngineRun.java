package dev.wasiplay.e2e.parity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one of our engines made of one parity case: how the run ended, its stdout and stderr, and the tree
 * under "/" afterwards.
 *
 * @param engine        {@code chicory} or {@code browser}
 * @param failure       why there is no result (the run passed the test's time limit, the worker or the host
 *                      failed), or null
 * @param exitCode      the exit code: the guest's, or 134 when the run was stopped (trap, limit)
 * @param status        how the run ended: {@code ok} (the guest exited), {@code trap}, {@code timeout},
 *                      {@code memory}, {@code output-limit}, {@code error}
 * @param message       the host's closing line when the run was stopped (it is also the last line of stderr),
 *                      or null
 * @param stdout        fd 1: the exact bytes (Chicory), or the UTF-8 of the text the browser worker posted
 * @param stdoutDecoded true when {@code stdout} is re-encoded text: the worker decodes the guest's bytes as
 *                      UTF-8 (U+FFFD for malformed bytes) before posting them, so bytes that are not UTF-8
 *                      cannot be compared byte for byte
 * @param stderr        fd 2, the same way, with the host's closing line when it stopped the run
 * @param stderrDecoded as {@code stdoutDecoded}, for stderr
 * @param files         every entry under "/" after the run, in {@link FileTree}'s format
 * @param durationMs    how long the engine took, as the test saw it
 */
public record EngineRun(String engine, String failure, int exitCode, String status, String message, byte[] stdout,
        boolean stdoutDecoded, byte[] stderr, boolean stderrDecoded, SortedMap<String, String> files, long durationMs) {

    public EngineRun {
        Objects.requireNonNull(engine, "engine");
        stdout = stdout == null ? new byte[0] : stdout;
        stderr = stderr == null ? new byte[0] : stderr;
        files = files == null ? new TreeMap<>() : new TreeMap<>(files);
    }

    /** No result from the engine, for the reason given. */
    public static EngineRun failed(String engine, String why, long durationMs) {
        return new EngineRun(engine, why, -1, "none", null, new byte[0], false, new byte[0], false, new TreeMap<>(),
                durationMs);
    }

    public boolean completed() {
        return failure == null;
    }

    public boolean trapped() {
        return completed() && "trap".equals(status);
    }

    /** {@code exit 3}, {@code trap (134)}, {@code timeout (134)} or {@code no result: ...}. */
    public String ending() {
        if (!completed()) {
            return "no result: " + failure;
        }
        return "ok".equals(status) ? "exit " + exitCode : status + " (" + exitCode + ")";
    }

    public String stdoutSha256() {
        return sha256(stdout);
    }

    public String stderrSha256() {
        return sha256(stderr);
    }

    /** A small map for the summary: ending, sizes, hashes, file count, duration. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("ending", ending());
        if (completed()) {
            d.put("stdoutBytes", stdout.length);
            d.put("stdoutSha256", stdoutSha256());
            d.put("stderrBytes", stderr.length);
            d.put("stderrSha256", stderrSha256());
            d.put("files", files.size());
        }
        d.put("ms", durationMs);
        return d;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
