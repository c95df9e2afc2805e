package dev.wasiplay.host;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import dev.wasiplay.polyfill.StdinSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A guest's stdin fed from a host {@link InputStream} (e.g. {@code System.in}) as it arrives, for runs that
 * pass their standard input through. A daemon thread reads the stream, so a guest waiting for input can
 * still be stopped: interrupting the run's thread (its time limit does) ends the wait at once. Reads take
 * what has arrived, up to the length asked for; {@link #ready()} says whether a read would return at once,
 * which poll_oneoff uses. A read error of the host stream counts as end of input.
 */
public final class StreamStdin implements StdinSource {
    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current;
    private int position;
    private boolean ended;

    private StreamStdin(InputStream in) {
        Thread pump = new Thread(() -> pump(in), "wasiplay-stdin");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts reading {@code in} on a daemon thread; use the source for one run. */
    public static StreamStdin of(InputStream in) {
        return new StreamStdin(in);
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (n > 0) {
                    chunks.add(Arrays.copyOf(buffer, n));
                }
            }
        } catch (IOException e) {
            // The guest sees end of input.
        } finally {
            chunks.add(END);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill(true)) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public boolean ready() {
        fill(false);
        return ended || (current != null && position < current.length);
    }

    /** Makes {@code current} hold unread bytes; false at end of input (or, without blocking, when none are there). */
    private boolean fill(boolean block) {
        while (!ended && (current == null || position >= current.length)) {
            byte[] next;
            if (block) {
                try {
                    next = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ChicoryInterruptedException("interrupted while waiting for stdin");
                }
            } else {
                next = chunks.poll();
                if (next == null) {
                    return false;
                }
            }
            if (next == END) {
                ended = true;
            } else {
                current = next;
                position = 0;
            }
        }
        return !ended || (current != null && position < current.length);
    }
}
