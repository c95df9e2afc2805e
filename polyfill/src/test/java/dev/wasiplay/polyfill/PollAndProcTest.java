package dev.wasiplay.polyfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PollAndProcTest {
    /** A clock that only moves when the guest sleeps, so the test is exact and instant. */
    static final class ManualClock implements WasiClock {
        final AtomicLong now = new AtomicLong(1_000_000_000L);
        final AtomicLong slept = new AtomicLong();

        @Override
        public long realtimeNanos() {
            return now.get();
        }

        @Override
        public long monotonicNanos() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) {
            slept.addAndGet(nanos);
            now.addAndGet(nanos);
        }
    }

    @Test
    void relativeClockSubscriptionSleeps() {
        ManualClock clock = new ManualClock();
        Guest g = new Guest(WasiOptions.builder().clock(clock));
        int sub = g.alloc(48);
        g.memory.putLong(sub, 42);
        g.memory.putByte(sub + 8, (byte) Flags.EVENT_CLOCK);
        g.memory.putInt(sub + 16, Flags.CLOCK_MONOTONIC);
        g.memory.putLong(sub + 24, 5_000_000);
        int events = g.alloc(32);
        int n = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.wasi.poll_oneoff(sub, events, 1, n));
        assertEquals(1, g.i32(n));
        assertEquals(42, g.i64(events));
        assertEquals(5_000_000, clock.slept.get());
    }

    @Test
    void absoluteRealtimeSubscription() {
        ManualClock clock = new ManualClock();
        Guest g = new Guest(WasiOptions.builder().clock(clock));
        int sub = g.alloc(48);
        g.memory.putByte(sub + 8, (byte) Flags.EVENT_CLOCK);
        g.memory.putInt(sub + 16, Flags.CLOCK_REALTIME);
        g.memory.putLong(sub + 24, clock.now.get() + 7_000);
        g.memory.putShort(sub + 40, (short) Flags.SUBSCRIPTION_CLOCK_ABSTIME);
        assertEquals(Errno.SUCCESS, g.wasi.poll_oneoff(sub, g.alloc(32), 1, g.alloc(4)));
        assertEquals(7_000, clock.slept.get());
    }

    @Test
    void fdSubscriptionsAreReadyAtOnce() {
        ManualClock clock = new ManualClock();
        Guest g = new Guest(WasiOptions.builder().clock(clock));
        int subs = g.alloc(96);
        g.memory.putLong(subs, 1);
        g.memory.putByte(subs + 8, (byte) Flags.EVENT_FD_WRITE);
        g.memory.putInt(subs + 16, 1);
        g.memory.putLong(subs + 48, 2);
        g.memory.putByte(subs + 56, (byte) Flags.EVENT_CLOCK);
        g.memory.putInt(subs + 64, Flags.CLOCK_MONOTONIC);
        g.memory.putLong(subs + 72, 1_000_000_000L);
        int events = g.alloc(64);
        int n = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.wasi.poll_oneoff(subs, events, 2, n));
        assertEquals(1, g.i32(n));
        assertEquals(1, g.i64(events));
        assertEquals(0, clock.slept.get());
        assertEquals(Errno.INVAL, g.wasi.poll_oneoff(subs, events, 0, n));
    }

    @Test
    void clocksAndRandom() {
        Guest g = new Guest(WasiOptions.builder().random(RandomSource.seeded(7)));
        int t = g.alloc(8);
        assertEquals(Errno.SUCCESS, g.wasi.clock_time_get(Flags.CLOCK_REALTIME, 1, t));
        assertTrue(g.i64(t) > 1_600_000_000_000_000_000L);
        assertEquals(Errno.INVAL, g.wasi.clock_time_get(9, 1, t));
        int buf = g.alloc(16);
        assertEquals(Errno.SUCCESS, g.wasi.random_get(buf, 16));
        assertNotEquals(0, g.i64(buf) | g.i64(buf + 8));
        Guest same = new Guest(WasiOptions.builder().random(RandomSource.seeded(7)));
        int other = same.alloc(16);
        same.wasi.random_get(other, 16);
        assertEquals(g.i64(buf), same.i64(other));
    }

    @Test
    void procExitThrowsWithTheCode() {
        Guest g = new Guest();
        WasiExit exit = assertThrows(WasiExit.class, () -> g.wasi.proc_exit(3));
        assertEquals(3, exit.code());
        assertEquals(3, g.wasi.exitCode());
    }

    @Test
    void socketsAnswerLikeAHostWithoutSockets() {
        Guest g = new Guest();
        assertEquals(Errno.NOTSOCK, g.wasi.sock_accept(3, 0, g.alloc(4)));
        assertEquals(Errno.BADF, g.wasi.sock_shutdown(99, 0));
    }

    @Test
    void everyFunctionDispatches() {
        Guest g = new Guest();
        long[] zeros = new long[9];
        for (WasiFunction f : WasiFunction.values()) {
            if (f == WasiFunction.PROC_EXIT) {
                continue;
            }
            int errno = f.invoke(g.wasi, zeros);
            assertTrue(errno >= 0 && errno <= Errno.NOTCAPABLE, f.importName + " -> " + errno);
        }
    }
}
