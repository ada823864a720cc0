package org.adcs.simulator.meter;

import java.time.Instant;

/**
 * One load profile entry: interval end (meter time), AMR profile status and the energy of the
 * interval per channel in raw units (× 10^scaler of the channel's unit).
 */
public record IntervalReading(Instant end, int status, long importRaw, long exportRaw) {
    /** Status bit: the power was down for part of the interval. */
    public static final int POWER_DOWN = 0x80;
    /** Status bit: the clock was set during the interval. */
    public static final int CLOCK_ADJUSTED = 0x20;
}
