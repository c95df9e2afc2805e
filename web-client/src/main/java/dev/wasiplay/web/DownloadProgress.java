package dev.wasiplay.web;

/**
 * Posts download progress as the body arrives: at most one message per percent of a known size (per MiB
 * when the size is unknown), then the switch to the compile phase when the body is complete.
 */
final class DownloadProgress {
    private static final double UNKNOWN_SIZE_STEP = 1 << 20;

    private final double total;
    private final double step;
    private double loaded;
    private double nextReport;

    /** @param total the body's decompressed size (see {@code Fetch.contentLength}), or negative when unknown */
    DownloadProgress(double total) {
        this.total = total;
        this.step = total > 0 ? total / 100 : UNKNOWN_SIZE_STEP;
        this.nextReport = step;
    }

    void chunk(int byteLength) {
        loaded += byteLength;
        if (loaded >= nextReport) {
            Messages.progress(loaded, total);
            nextReport = loaded + step;
        }
    }

    /** The whole body has arrived (its size given when it came in one piece). */
    void end(double bodyLength) {
        loaded = Math.max(loaded, bodyLength);
        Messages.progress(loaded, total);
        Messages.status(Messages.COMPILE);
    }

    void end() {
        end(loaded);
    }
}
