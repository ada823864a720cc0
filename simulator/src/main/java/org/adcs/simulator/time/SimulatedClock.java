package org.adcs.simulator.time;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} whose time may run faster than real time, so a whole night of collection fits in a
 * test or a demo. The head-end can take the same instance (it is a plain {@code java.time.Clock})
 * to share the simulation's notion of "now".
 */
public abstract class SimulatedClock extends Clock {
    /** Simulated seconds per real second; 1 is real time. */
    public abstract double speed();

    /** How long a simulated duration lasts in real time at this clock's speed. */
    public Duration toReal(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / speed()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulated clock is shared as is, in UTC");
    }
}
