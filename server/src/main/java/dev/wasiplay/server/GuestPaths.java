package dev.wasiplay.server;

import java.util.Collection;
import java.util.Set;

/**
 * Rules for the file paths a run request may use. A path is relative to the guest's {@code /}, optionally
 * written with a single leading {@code /}; it is made of non-empty segments, none of them {@code .} or
 * {@code ..}, and contains no NUL.
 */
final class GuestPaths {

    private GuestPaths() {}

    /** Returns {@code raw} without its optional leading {@code /}, or throws a 400 naming {@code what}. */
    static String normalize(String raw, String what) {
        if (raw.isEmpty()) {
            throw new BadRequestException(what + " must not be empty");
        }
        if (raw.indexOf('\0') >= 0) {
            throw new BadRequestException(what + " " + quote(raw) + " contains a NUL character");
        }
        String path = raw.startsWith("/") ? raw.substring(1) : raw;
        if (path.startsWith("/")) {
            throw new BadRequestException(what + " " + quote(raw)
                    + " must be relative (\"main.py\") or start with a single \"/\" (\"/main.py\")");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                throw new BadRequestException(what + " " + quote(raw) + " must not contain \"..\"");
            }
            if (segment.equals(".")) {
                throw new BadRequestException(what + " " + quote(raw) + " must not contain \".\" segments");
            }
            if (segment.isEmpty()) {
                throw new BadRequestException(what + " " + quote(raw)
                        + " has an empty segment (a trailing \"/\" or \"//\")");
            }
        }
        return path;
    }

    /** Rejects a set of paths in which one path is a directory of another, e.g. {@code a} and {@code a/b.py}. */
    static void rejectFileDirectoryClashes(Collection<String> paths) {
        Set<String> all = Set.copyOf(paths);
        for (String path : paths) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                String directory = path.substring(0, slash);
                if (all.contains(directory)) {
                    throw new BadRequestException(quote("/" + directory) + " is given as a file but is also the "
                            + "directory of " + quote("/" + path));
                }
            }
        }
    }

    /** The path in double quotes, with control characters escaped so messages stay printable. */
    static String quote(String path) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : path.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
