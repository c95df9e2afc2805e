package dev.wasiplay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code --dir HOST[::GUEST]}: the host directory and the name the guest gets it under. As in wasmtime, a plain
 * {@code --dir HOST} is preopened under HOST exactly as written ({@code --dir .} gives the guest ".", which
 * wasi-libc uses for relative paths).
 *
 * <p>All mappings share the run's one in-memory file tree: GUEST names a place in it ("." and "/" both the root,
 * "data" and "/data" the same directory), so two mappings may not overlap there.
 *
 * @param host      the host directory, as a real path
 * @param hostText  HOST as written, for messages
 * @param guestName the preopen name the guest sees
 * @param treePath  where the directory sits in the run's tree, '/'-separated, "" for the root
 */
record DirMapping(Path host, String hostText, String guestName, String treePath) {

    static DirMapping parse(String value, Path cwd) throws UsageException {
        int separator = value.indexOf("::");
        String hostText = separator < 0 ? value : value.substring(0, separator);
        String guest = separator < 0 ? value : value.substring(separator + 2);
        if (hostText.isEmpty() || guest.isEmpty()) {
            throw new UsageException("--dir needs HOST or HOST::GUEST, not \"" + value + "\"");
        }
        Path host = cwd.resolve(hostText);
        if (!Files.isDirectory(host)) {
            throw new UsageException("--dir " + value + ": " + hostText
                    + (Files.exists(host) ? " is not a directory" : " does not exist"));
        }
        try {
            host = host.toRealPath();
        } catch (IOException e) {
            throw new UsageException("--dir " + value + ": cannot open " + hostText + ": " + e.getMessage());
        }
        String guestName = guest.length() > 1 && guest.endsWith("/") ? guest.replaceAll("/+$", "") : guest;
        StringBuilder treePath = new StringBuilder();
        for (String part : guestName.split("/")) {
            if (part.equals("..")) {
                throw new UsageException("--dir " + value + ": the guest path may not contain \"..\"");
            }
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            treePath.append(treePath.length() == 0 ? "" : "/").append(part);
        }
        return new DirMapping(host, hostText, guestName.isEmpty() ? "/" : guestName, treePath.toString());
    }

    /** Mappings must not share a place in the guest's tree, nor a host directory (write-backs would collide). */
    static void rejectOverlaps(List<DirMapping> dirs) throws UsageException {
        for (int i = 0; i < dirs.size(); i++) {
            for (int j = i + 1; j < dirs.size(); j++) {
                DirMapping a = dirs.get(i);
                DirMapping b = dirs.get(j);
                if (contains(a.treePath, b.treePath) || contains(b.treePath, a.treePath)) {
                    throw new UsageException("--dir " + a.describe() + " and --dir " + b.describe()
                            + " overlap in the guest's file tree (\"" + a.guestName + "\" and \"" + b.guestName
                            + "\"); give them guest paths apart from each other");
                }
                if (a.host.startsWith(b.host) || b.host.startsWith(a.host)) {
                    throw new UsageException("--dir " + a.describe() + " and --dir " + b.describe()
                            + " map overlapping host directories; changes could not be written back to both");
                }
            }
        }
    }

    private static boolean contains(String outer, String inner) {
        return outer.isEmpty() || inner.equals(outer) || inner.startsWith(outer + "/");
    }

    String describe() {
        return hostText + "::" + guestName;
    }
}
