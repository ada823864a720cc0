package org.adcs.simulator.time;

import java.time.Instant;

/** Simulated time that starts at a given instant and runs {@code speed} times faster than the system clock. */
public final class AcceleratedClock extends SimulatedClock {
    private final Instant start;
    private final long realStartNanos;
    private final double speed;

    public AcceleratedClock(Instant start, double speed) {
        if (!(speed > 0) || speed > 100_000) {
            throw new IllegalArgumentException("speed must be in (0, 100000], was " + speed);
        }
        this.start = start;
        this.speed = speed;
        this.realStartNanos = System.nanoTime();
    }

    @Override
    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        long elapsed = (long) ((System.nanoTime() - realStartNanos) * speed);
        return start.plusNanos(elapsed);
    }
}
