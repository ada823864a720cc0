package org.adcs.simulator.fleet;

import org.adcs.simulator.meter.Seeds;

/**
 * Reconnection delay: exponential from 250 ms, capped at 60 s, times a seeded jitter in [0.5, 1.5)
 * so a fleet that lost its head-end does not come back in one wave, yet replays the same way.
 */
final class Backoff {
    static final long FIRST_MS = 250;
    static final long MAX_MS = 60_000;

    private Backoff() {
    }

    static long delayMillis(long fleetSeed, int meterIndex, int attempt) {
        long base = Math.min(MAX_MS, FIRST_MS << Math.min(Math.max(attempt, 1) - 1, 10));
        double jitter = 0.5 + Seeds.unit(Seeds.hash(fleetSeed, meterIndex, attempt));
        return (long) (base * jitter);
    }
}
