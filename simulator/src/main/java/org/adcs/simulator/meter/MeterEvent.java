package org.adcs.simulator.meter;

import java.time.Instant;

/** One entry of a meter's event log: the meter's own time and the event code (R-EV-1). */
public record MeterEvent(Instant time, int code) implements Comparable<MeterEvent> {
    @Override
    public int compareTo(MeterEvent o) {
        int byTime = time.compareTo(o.time);
        return byTime != 0 ? byTime : Integer.compare(code, o.code);
    }
}
