package org.adcs.simulator.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Simulated time (issue 5, "Time"): faster than real time, or moved by hand in tests. */
class SimulatedClockTest {
    private static final Instant START = Instant.parse("2026-03-04T00:00:00Z");

    @Test
    void aDayRunsInMinutesAtTheGivenSpeed() {
        AcceleratedClock clock = new AcceleratedClock(START, 1440);
        assertEquals(Duration.ofMinutes(1), clock.toReal(Duration.ofDays(1)));
        assertFalse(clock.instant().isBefore(START));
    }

    @Test
    void anAcceleratedClockRefusesSpeedsThatAreNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new AcceleratedClock(START, 0));
        assertThrows(IllegalArgumentException.class, () -> new AcceleratedClock(START, Double.NaN));
    }

    @Test
    void aManualClockMovesOnlyForwardAndOnlyWhenTold() {
        ManualClock clock = new ManualClock(START);
        assertEquals(START, clock.instant());
        clock.advance(Duration.ofHours(3));
        assertEquals(START.plus(Duration.ofHours(3)), clock.instant());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }
}
