package dev.wasiplay.web;

import dev.wasiplay.polyfill.StdinSource;

/**
 * The guest's fd 0 for one run: the bytes of the run message's {@code stdin} first, then, when the page
 * offered a {@link StdinChannel}, whatever the user types (each answer handed out across as many reads as
 * the guest needs), else end of input.
 */
final class RunStdin implements StdinSource {
    private final byte[] prefilled;
    private final StdinChannel channel;
    private int prefilledPosition;
    private byte[] chunk = new byte[0];
    private int chunkPosition;

    /** @param channel null when the run is not interactive */
    RunStdin(byte[] prefilled, StdinChannel channel) {
        this.prefilled = prefilled;
        this.channel = channel;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length <= 0) {
            return 0;
        }
        if (prefilledPosition < prefilled.length) {
            int n = Math.min(length, prefilled.length - prefilledPosition);
            System.arraycopy(prefilled, prefilledPosition, buffer, offset, n);
            prefilledPosition += n;
            return n;
        }
        if (channel == null) {
            return -1;
        }
        if (chunkPosition >= chunk.length) {
            byte[] next = channel.next();
            if (next == null || next.length == 0) {
                return -1;
            }
            chunk = next;
            chunkPosition = 0;
        }
        int n = Math.min(length, chunk.length - chunkPosition);
        System.arraycopy(chunk, chunkPosition, buffer, offset, n);
        chunkPosition += n;
        return n;
    }
}
