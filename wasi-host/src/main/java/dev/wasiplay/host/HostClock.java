package dev.wasiplay.host;

import dev.wasiplay.polyfill.WasiClock;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** The JVM's clocks; sleeping parks the thread (and ends early if the thread is interrupted). */
final class HostClock implements WasiClock {
    static final HostClock INSTANCE = new HostClock();

    private HostClock() {}

    @Override
    public long realtimeNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public void sleepNanos(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && !Thread.currentThread().isInterrupted(); left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
