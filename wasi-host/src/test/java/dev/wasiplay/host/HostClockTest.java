package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostClockTest {
    private static final long SLEEP = TimeUnit.MILLISECONDS.toNanos(200);

    @Test
    void sleepBlocksWithoutBurningCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long before = System.nanoTime();

        HostClock.INSTANCE.sleepNanos(SLEEP);

        long elapsed = System.nanoTime() - before;
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        assertTrue(elapsed >= SLEEP, "slept only " + elapsed + " ns");
        assertTrue(cpu < SLEEP / 4, "used " + cpu + " ns of CPU while sleeping");
    }

    @Test
    void sleepEndsEarlyWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        long before = System.nanoTime();

        HostClock.INSTANCE.sleepNanos(TimeUnit.SECONDS.toNanos(30));

        assertTrue(Thread.interrupted(), "the interrupt flag must stay set for the engine to see");
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void realtimeIsTheWallClock() {
        long nowMs = System.currentTimeMillis();
        long realtimeMs = HostClock.INSTANCE.realtimeNanos() / 1_000_000L;

        assertTrue(Math.abs(realtimeMs - nowMs) < 1000, realtimeMs + " vs " + nowMs);
    }
}
