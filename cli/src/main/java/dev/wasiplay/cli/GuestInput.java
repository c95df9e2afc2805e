package dev.wasiplay.cli;

import dev.wasiplay.host.RunLimits;
import java.util.List;

/**
 * What the guest gets, the same on every engine.
 *
 * @param argv   argv, argv[0] (MODULE as written) included
 * @param env    environment as {name, value} pairs, in order
 * @param limits the run's limits (timeout, memory cap)
 * @param seed   the deterministic mode's seed, or null for an ordinary run
 */
record GuestInput(List<String> argv, List<String[]> env, RunLimits limits, Long seed) {}
