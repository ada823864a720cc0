package org.adcs.simulator.meter;

/**
 * Event codes of the standard event log 0.0.99.98.0.255 (R-EV-1). Codes 1..62 follow the usual
 * DLMS/IDIS numbering; 230 and up are simulator-specific codes in the manufacturer range.
 */
public enum EventCode {
    POWER_DOWN(1),
    POWER_UP(2),
    CLOCK_ADJUSTED_OLD_TIME(4),
    CLOCK_ADJUSTED_NEW_TIME(5),
    CLOCK_INVALID(6),
    /** An association was refused (wrong password or mechanism): R-SCH-8, security events. */
    ASSOCIATION_AUTHENTICATION_FAILURE(46),
    STRONG_DC_FIELD(42),
    METER_COVER_REMOVED(44),
    REMOTE_DISCONNECT(61),
    REMOTE_CONNECT(62),
    SELF_TEST_PASSED(230),
    SELF_TEST_FAILED(231),
    /** A scheduled push could not be sent (not connected); the next one catches up (R-SCH-6, R-SCH-8). */
    SCHEDULED_PUSH_FAILED(232),
    /** The head-end tried to set the clock with an invalid value (R-SCH-8: failed corrections are logged). */
    CLOCK_SET_FAILED(233),
    /** The whole memory was downloaded locally by a field tool (R-SCH-8, R-FLD-2). */
    FIELD_DOWNLOAD(234);

    private final int code;

    EventCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
