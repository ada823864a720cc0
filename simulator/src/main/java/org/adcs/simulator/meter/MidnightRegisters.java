package org.adcs.simulator.meter;

import java.time.Instant;

/** The energy registers as captured at a midnight (meter time), in raw channel units. */
public record MidnightRegisters(Instant midnight, long importRaw, long exportRaw) {
}
