package org.adcs.simulator.time;

import java.time.Duration;
import java.time.Instant;

/** Simulated time that moves only when told to: tests advance it and then let the fleet act. */
public final class ManualClock extends SimulatedClock {
    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards");
        }
        now = now.plus(by);
    }

    @Override
    public double speed() {
        return 1;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
