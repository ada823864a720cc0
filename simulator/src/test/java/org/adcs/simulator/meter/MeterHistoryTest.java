package org.adcs.simulator.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultPlan;
import org.adcs.simulator.fault.FaultRule;
import org.junit.jupiter.api.Test;

/** The generated memory of a meter: shape, sums and determinism (issue 5, "Each simulated meter"; R-SCH-8). */
class MeterHistoryTest {
    private static final Instant START = Instant.parse("2026-06-10T12:00:00Z");

    private static SimulatedMeter meter(long seed, int index) {
        FleetTerms terms = FleetTerms.defaults(seed, START);
        return new SimulatedMeter(MeterSpec.of(terms, index), terms, new IntervalPlan(terms.intervalMinutes()));
    }

    @Property(tries = 40)
    void everyMidnightRegisterDifferenceEqualsTheSumOfThatDaysIntervals(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                                         @ForAll @IntRange(min = 0, max = 100_000) int index,
                                                                         @ForAll @IntRange(min = 1, max = 44) int daysBack) {
        SimulatedMeter m = meter(seed, index);
        long day = m.terms().startDay() - daysBack;
        long dayStart = day * MeterHistory.DAY_SECONDS;
        List<MidnightRegisters> midnights = m.midnights(dayStart, dayStart + MeterHistory.DAY_SECONDS, START);
        List<IntervalReading> intervals = m.intervals(dayStart + 1, dayStart + MeterHistory.DAY_SECONDS, START);
        assertEquals(96, intervals.size());
        assertEquals(midnights.get(1).importRaw() - midnights.get(0).importRaw(), intervals.stream().mapToLong(IntervalReading::importRaw).sum());
        assertEquals(midnights.get(1).exportRaw() - midnights.get(0).exportRaw(), intervals.stream().mapToLong(IntervalReading::exportRaw).sum());
    }

    @Test
    void aMeterWithLostDaysHoldsNoIntervalOfThoseDaysAndEveryIntervalOfTheOthers() {
        FaultRule lost = FaultRule.ofShare(Fault.LOST_DAYS, 0).forMeters(3).withMissedDays(1, 2, false);
        FleetTerms terms = FleetTerms.defaults(7, START).withFaults(new FaultPlan(List.of(lost)));
        SimulatedMeter faulty = new SimulatedMeter(MeterSpec.of(terms, 3), terms, new IntervalPlan(terms.intervalMinutes()));
        SimulatedMeter healthy = new SimulatedMeter(MeterSpec.of(terms, 4), terms, new IntervalPlan(terms.intervalMinutes()));
        int lostDays = 0;
        long from = Math.floorDiv(terms.startDay() - 21, 2) * 2; // whole two-day windows
        for (long day = from; day < from + 20; day++) {
            long dayStart = day * MeterHistory.DAY_SECONDS;
            // Up to and including the interval that ends at the next midnight: the day's 96.
            int held = faulty.intervals(dayStart + 1, dayStart + MeterHistory.DAY_SECONDS, START).size();
            boolean isLost = lost.missesDay(faulty.spec().seed(), day);
            assertEquals(isLost ? 0 : 96, held, "day " + day + (isLost ? " lost" : " kept"));
            assertEquals(96, healthy.intervals(dayStart + 1, dayStart + MeterHistory.DAY_SECONDS, START).size(), "the healthy meter on " + day);
            lostDays += isLost ? 1 : 0;
        }
        assertEquals(10, lostDays, "one day of every two");
    }

    @Test
    void aMeterHoldsFortyFiveDaysOfFifteenMinuteIntervalsUpToTheLastCompletedOne() {
        SimulatedMeter m = meter(1, 0);
        Instant now = START.plusSeconds(10); // the meter's clock is within 5 s of the fleet's
        List<IntervalReading> all = m.intervals(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, now);
        assertEquals(45 * 96 + 48, all.size(), "45 whole days and today's 48 completed intervals by noon");
        assertEquals(START, all.get(all.size() - 1).end());
        assertEquals(START.minus(Duration.ofDays(45)).minusSeconds(12 * 3600 - 900), all.get(0).end());
    }

    @Test
    void theCurrentRegisterIsTheLastMidnightPlusTodaysIntervals() {
        SimulatedMeter m = meter(3, 17);
        long today = m.terms().startDay() * MeterHistory.DAY_SECONDS;
        MidnightRegisters midnight = m.midnights(today, today, START).get(0);
        long todaysImport = m.intervals(today + 1, today + MeterHistory.DAY_SECONDS, START).stream().mapToLong(IntervalReading::importRaw).sum();
        assertEquals(midnight.importRaw() + todaysImport, m.registersNow(START)[0]);
    }

    @Test
    void theSameSeedGivesTheSameMemoryAndAnotherSeedAnother() {
        List<IntervalReading> a = meter(42, 5).intervals(0, Long.MAX_VALUE / 2, START);
        List<IntervalReading> b = meter(42, 5).intervals(0, Long.MAX_VALUE / 2, START);
        List<IntervalReading> c = meter(43, 5).intervals(0, Long.MAX_VALUE / 2, START);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void solarMetersExportAroundNoonAndImportInTheEveningWhileOthersNeverExport() {
        int solar = 0;
        for (int i = 0; i < 200; i++) {
            SimulatedMeter m = meter(9, i);
            long day = (m.terms().startDay() - 2) * MeterHistory.DAY_SECONDS;
            List<IntervalReading> d = m.intervals(day + 1, day + MeterHistory.DAY_SECONDS, START);
            long export = d.stream().mapToLong(IntervalReading::exportRaw).sum();
            long eveningImport = d.subList(72, 88).stream().mapToLong(IntervalReading::importRaw).sum();
            assertTrue(eveningImport > 0, "someone is home in the evening");
            if (m.spec().hasSolar()) {
                solar++;
                assertTrue(d.subList(44, 56).stream().mapToLong(IntervalReading::exportRaw).sum() > 0, "export around noon");
            } else {
                assertEquals(0, export);
            }
        }
        assertTrue(solar > 20 && solar < 70, "about 20 % of the fleet has solar: " + solar);
    }

    @Test
    void anOutageStopsTheEnergyAndFlagsItsIntervalsAndLogsPowerDownAndUp() {
        for (int i = 0; i < 500; i++) {
            SimulatedMeter m = meter(11, i);
            for (long day = m.terms().startDay() - 40; day < m.terms().startDay(); day++) {
                for (Incident incident : m.history().incidents(day)) {
                    if (incident.kind() == Incident.Kind.POWER_OUTAGE && incident.endLocal() - incident.startLocal() > 1800) {
                        List<IntervalReading> during = m.intervals(incident.startLocal() + 900, incident.endLocal(), START);
                        IntervalReading inside = during.get(0);
                        assertEquals(IntervalReading.POWER_DOWN, inside.status() & IntervalReading.POWER_DOWN);
                        assertEquals(0, inside.importRaw());
                        List<MeterEvent> events = m.events(incident.startLocal(), incident.endLocal(), START);
                        assertEquals(List.of(EventCode.POWER_DOWN.code(), EventCode.POWER_UP.code()),
                                events.stream().filter(e -> e.code() <= 2).map(MeterEvent::code).toList());
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no outage longer than 30 minutes in 500 meters x 40 days");
    }

    @Test
    void settingTheClockMovesItAndLogsTheOldAndNewTime() {
        SimulatedMeter m = meter(5, 2);
        Instant target = START.plusSeconds(30);
        m.setClock(target, START);
        assertEquals(target, m.now(START));
        assertEquals(List.of(EventCode.CLOCK_ADJUSTED_OLD_TIME.code(), EventCode.CLOCK_ADJUSTED_NEW_TIME.code()),
                m.runtimeEvents().stream().map(MeterEvent::code).toList());
    }

    @Test
    void reprogrammingTheIntervalKeepsRegistersEqualToTheSumOfIntervals() {
        SimulatedMeter m = meter(8, 3);
        long today = m.terms().startDay() * MeterHistory.DAY_SECONDS;
        m.setIntervalMinutes(30, START.minus(Duration.ofHours(6)).minusSeconds(60));
        Instant now = START.plusSeconds(10);
        List<IntervalReading> day = m.intervals(today + 1, today + MeterHistory.DAY_SECONDS, now);
        assertEquals(24 + 12, day.size(), "15-minute intervals until 06:00, 30-minute ones after");
        assertEquals(Duration.ofMinutes(30), Duration.between(day.get(24).end(), day.get(25).end()));
        long sum = day.stream().mapToLong(IntervalReading::importRaw).sum();
        assertEquals(m.registersNow(now)[0] - m.midnights(today, today, now).get(0).importRaw(), sum);
    }
}
