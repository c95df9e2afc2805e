package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.VirtualFileSystem;

/**
 * Deterministic mode: what a host does so that a run sees nothing of the host or of the moment, and two engines
 * (or two runs) given the same inputs and seed behave identically.
 *
 * <ul>
 *   <li>time is a {@link DeterministicClock} (realtime starts at 2024-01-01T00:00:00Z, every reading moves
 *       time on 1 ms, sleeping takes no real time);</li>
 *   <li>{@code random_get} is a {@link SplitMix64} stream from the seed;</li>
 *   <li>the run's tree is {@link VirtualFileSystem#settle settled}: inode numbers in path order, directory
 *       entries in name order, every timestamp the start instant; what the guest creates then gets inode
 *       numbers in creation order and times from the same virtual clock;</li>
 *   <li>the environment is exactly the one the run was given (every host already passes nothing else).</li>
 * </ul>
 *
 * A host calls {@link #prepare} once the run's tree is complete (image, files, preopened directories) and passes
 * the returned clock (possibly wrapped, e.g. to flush output before a sleep) and {@link #random} to
 * {@link WasiOptions}.
 */
public final class DeterministicMode {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;
    /** The largest seed: 2^53 - 1, so that a seed survives JSON and JavaScript numbers exactly. */
    public static final long MAX_SEED = (1L << 53) - 1;

    private DeterministicMode() {}

    /** Settles {@code fs} (see {@link VirtualFileSystem#settle}) and returns the run's clock, which the tree now uses too. */
    public static DeterministicClock prepare(VirtualFileSystem fs) {
        DeterministicClock clock = new DeterministicClock();
        fs.settle(DeterministicClock.START_REALTIME_NANOS, clock);
        return clock;
    }

    /** The random source of a deterministic run with this seed. */
    public static RandomSource random(long seed) {
        return new SplitMix64(checkSeed(seed));
    }

    /** {@code seed}, when it is between 0 and {@link #MAX_SEED}; IllegalArgumentException otherwise. */
    public static long checkSeed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be a whole number from 0 to " + MAX_SEED + ", not " + seed);
        }
        return seed;
    }
}
