package dev.wasiplay.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: up to {@code perMinute} requests at once, refilled evenly over a
 * minute. Idle addresses are forgotten once their bucket is full again.
 */
final class RateLimiter {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    /** Past this many tracked addresses, full buckets (idle clients) are dropped. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute) {
        this(perMinute, System::nanoTime);
    }

    RateLimiter(int perMinute, LongSupplier nanoClock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per minute");
        }
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one request from {@code address}'s allowance.
     *
     * @return 0 if the request may go ahead, else the whole seconds until it would be allowed
     */
    long acquire(String address) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(address, a -> new Bucket(now)).take(now);
    }

    /** Tokens are counted in nano-requests so that refilling needs no fractions. */
    private final class Bucket {
        private final long capacity = perMinute * MINUTE_NANOS;
        private long tokens = capacity;
        private long updated;

        Bucket(long now) {
            updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= MINUTE_NANOS) {
                tokens -= MINUTE_NANOS;
                return 0;
            }
            long missingNanos = (MINUTE_NANOS - tokens + perMinute - 1) / perMinute; // time to earn the rest
            return Math.max(1, (missingNanos + 999_999_999L) / 1_000_000_000L);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens == capacity;
        }

        private void refill(long now) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = elapsed >= MINUTE_NANOS ? capacity : Math.min(capacity, tokens + elapsed * perMinute);
                updated = now;
            }
        }
    }
}
