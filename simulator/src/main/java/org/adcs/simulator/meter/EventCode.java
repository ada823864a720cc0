package org.adcs.simulator.meter;

/**
 * Event codes of the standard event log 0.0.99.98.0.255 (R-EV-1). Codes 1..62 follow the usual
 * DLMS/IDIS numbering; the self-test results are simulator-specific codes in the manufacturer range.
 */
public enum EventCode {
    POWER_DOWN(1),
    POWER_UP(2),
    CLOCK_ADJUSTED_OLD_TIME(4),
    CLOCK_ADJUSTED_NEW_TIME(5),
    CLOCK_INVALID(6),
    STRONG_DC_FIELD(42),
    METER_COVER_REMOVED(44),
    REMOTE_DISCONNECT(61),
    REMOTE_CONNECT(62),
    SELF_TEST_PASSED(230),
    SELF_TEST_FAILED(231);

    private final int code;

    EventCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
