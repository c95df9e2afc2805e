package dev.wasiplay.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reading request bodies with a size limit (413 past it, without keeping more than the limit). */
final class HttpBodies {

    private HttpBodies() {}

    /**
     * Past this many bytes, the rest of a too-large body is not read (the connection is closed instead);
     * up to it, it is read and dropped, so that the client, still sending, gets to read the 413.
     */
    private static final long MAX_DISCARDED_BYTES = 64L << 20;

    static byte[] read(Context ctx, int limit) throws IOException {
        long declaredLength = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.bodyInputStream()) {
            if (declaredLength > limit) {
                throw tooLarge(in, limit);
            }
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(in, limit);
            }
            return body;
        }
    }

    private static BadRequestException tooLarge(InputStream in, int limit) throws IOException {
        long discarded = 0;
        byte[] buffer = new byte[64 << 10];
        for (int n; discarded < MAX_DISCARDED_BYTES && (n = in.read(buffer)) > 0; ) {
            discarded += n;
        }
        return new BadRequestException(413, "the request body is larger than " + limit + " bytes");
    }

    /** True if the client's {@code If-None-Match} names {@code etag} (or is {@code *}). */
    static boolean notModified(Context ctx, String etag) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
