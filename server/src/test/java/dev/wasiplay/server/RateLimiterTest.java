package dev.wasiplay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(3, now::get);

    private void advanceSeconds(double seconds) {
        now.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void allowsAMinutesWorthAtOnceThenAsksToWait() {
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));

        assertEquals(20, limiter.acquire("a")); // one request per 20 s comes back
        assertEquals(0, limiter.acquire("b"), "other addresses have their own allowance");
    }

    @Test
    void refillsEvenlyOverAMinute() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        advanceSeconds(15);
        assertEquals(5, limiter.acquire("a"));

        advanceSeconds(5);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(20, limiter.acquire("a"));

        advanceSeconds(600);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(20, limiter.acquire("a"), "a long pause refills the bucket, but not beyond its size");
    }
}
