package org.adcs.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultPlan;
import org.adcs.simulator.fault.FaultRule;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.MeterSpec;
import org.junit.jupiter.api.Test;

/** Faults go to the share of the fleet or the meters configured, reproducibly from the seed (issue 5, "Faults"). */
class FaultAssignmentTest {
    private static final Instant START = Instant.parse("2026-03-04T10:07:00Z");

    @Test
    void aShareOfTheFleetGetsTheFaultAndTheSameSeedPicksTheSameMeters() {
        FaultPlan plan = new FaultPlan(List.of(FaultRule.ofShare(Fault.SLOW, 0.1)));
        int[] a = IntStream.range(0, 10_000).filter(i -> (plan.faultsOf(1, i) & Fault.SLOW.bit()) != 0).toArray();
        int[] b = IntStream.range(0, 10_000).filter(i -> (plan.faultsOf(1, i) & Fault.SLOW.bit()) != 0).toArray();
        int[] other = IntStream.range(0, 10_000).filter(i -> (plan.faultsOf(2, i) & Fault.SLOW.bit()) != 0).toArray();
        assertTrue(a.length > 880 && a.length < 1120, "about 10 %: " + a.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, other));
    }

    @Test
    void listedMetersAndOnlyThemGetTheFault() {
        FaultPlan plan = new FaultPlan(List.of(FaultRule.ofShare(Fault.WRONG_PASSWORD, 0).forMeters(3, 7)));
        assertEquals(List.of(3, 7), IntStream.range(0, 1000).filter(i -> plan.faultsOf(9, i) != 0).boxed().toList());
    }

    @Test
    void clockFaultsPutTheClockOffByTwentyToOneHundredTwentySecondsOrByMore() {
        FleetTerms terms = FleetTerms.defaults(4, START).withFaults(new FaultPlan(List.of(
                FaultRule.ofShare(Fault.CLOCK_OFF, 0).forMeters(IntStream.range(0, 50).toArray()),
                FaultRule.ofShare(Fault.CLOCK_FAR_OFF, 0).forMeters(IntStream.range(50, 100).toArray()))));
        for (int i = 0; i < 150; i++) {
            int offset = Math.abs(MeterSpec.of(terms, i).clockOffsetMs());
            if (i < 50) {
                assertTrue(offset > 20_000 && offset < 120_000, "meter " + i + ": " + offset);
            } else if (i < 100) {
                assertTrue(offset > 120_000, "meter " + i + ": " + offset);
            } else {
                assertTrue(offset <= 5_000, "healthy meter " + i + ": " + offset);
            }
        }
    }

    @Property(tries = 50)
    void anIntermittentMeterMissesExactlyKOfEveryNDays(@ForAll @IntRange(min = 1, max = 14) int n, @ForAll @IntRange(min = 0, max = 14) int k,
                                                       @ForAll boolean consecutive, @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        int missed = Math.min(k, n);
        FaultRule rule = FaultRule.ofShare(Fault.INTERMITTENT, 1).withMissedDays(missed, n, consecutive);
        for (long window = 2000; window < 2010; window++) {
            long first = window * n;
            int count = 0;
            int firstMissed = -1;
            int lastMissed = -1;
            for (int d = 0; d < n; d++) {
                if (rule.missesDay(seed, first + d)) {
                    count++;
                    firstMissed = firstMissed < 0 ? d : firstMissed;
                    lastMissed = d;
                }
            }
            assertEquals(missed, count);
            if (consecutive && missed > 0) {
                assertEquals(missed - 1, lastMissed - firstMissed, "one run of missed days");
            }
        }
    }
}
