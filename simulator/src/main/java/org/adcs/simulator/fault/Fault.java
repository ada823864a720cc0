package org.adcs.simulator.fault;

import java.util.Arrays;
import java.util.Optional;

/** The faults a meter can be given (issue 5, "Faults"); each has the name used on the command line. */
public enum Fault {
    NEVER_ANSWERS("never-answers"),
    SLOW("slow"),
    DROP_MID_BLOCK("drop-mid-block"),
    INTERMITTENT("intermittent"),
    CLOCK_OFF("clock-off"),
    CLOCK_FAR_OFF("clock-far-off"),
    WRONG_PASSWORD("wrong-password"),
    MALFORMED_FRAMES("malformed-frames"),
    REGIONAL_OUTAGE("regional-outage"),
    SHORT_MEMORY("short-memory"),
    /** The meter recorded no load profile on some days (k of every n, as {@link #INTERMITTENT} picks them): those days are gone. */
    LOST_DAYS("lost-days");

    private final String cliName;

    Fault(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public static Optional<Fault> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst();
    }
}
