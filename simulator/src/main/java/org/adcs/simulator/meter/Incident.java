package org.adcs.simulator.meter;

/**
 * Something that happened to a meter over [startLocal, endLocal) in local standard-time seconds:
 * it may stop the energy (power down, remote disconnect), flag intervals and log events.
 */
public record Incident(Kind kind, long startLocal, long endLocal) {
    /** What kind of incident, and what it does to energy, status and the event log. */
    public enum Kind {
        POWER_OUTAGE(true, IntervalReading.POWER_DOWN, EventCode.POWER_DOWN, EventCode.POWER_UP),
        REMOTE_DISCONNECTION(true, 0, EventCode.REMOTE_DISCONNECT, EventCode.REMOTE_CONNECT),
        COVER_REMOVED(false, 0, EventCode.METER_COVER_REMOVED, null),
        TAMPER(false, 0, EventCode.STRONG_DC_FIELD, null),
        CLOCK_INVALID(false, 0, EventCode.CLOCK_INVALID, null),
        SELF_TEST_PASSED(false, 0, EventCode.SELF_TEST_PASSED, null),
        SELF_TEST_FAILED(false, 0, EventCode.SELF_TEST_FAILED, null);

        final boolean stopsEnergy;
        final int status;
        final EventCode startEvent;
        final EventCode endEvent;

        Kind(boolean stopsEnergy, int status, EventCode startEvent, EventCode endEvent) {
            this.stopsEnergy = stopsEnergy;
            this.status = status;
            this.startEvent = startEvent;
            this.endEvent = endEvent;
        }
    }

    /** Seconds of [from, to) this incident covers. */
    long overlap(long from, long to) {
        return Math.max(0, Math.min(to, endLocal) - Math.max(from, startLocal));
    }
}
