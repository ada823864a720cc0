package org.adcs.simulator.meter;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultPlan;
import org.adcs.simulator.fault.FaultRule;

/**
 * What every meter of a fleet has in common, and all that its generated history depends on: with the
 * same terms a meter holds the same values in a running fleet, in {@code truth} and in a field dump.
 *
 * @param seed            the fleet seed
 * @param start           simulated time at which the fleet starts
 * @param offset          the meters' standard time offset (no daylight saving, R-COL-6)
 * @param memoryDays      days of history a meter keeps (at least 45 unless a fault shortens it)
 * @param intervalMinutes the recording interval until the head-end programs another (R-SCH-7)
 * @param maxDriftPpm     each meter's crystal drifts by a seeded rate within ± this
 * @param solarShare      share of meters with rooftop solar (they export)
 * @param password        the LLS password the head-end is configured with
 * @param faults          the fault plan
 */
public record FleetTerms(long seed, Instant start, ZoneOffset offset, int memoryDays, int intervalMinutes,
                         double maxDriftPpm, double solarShare, String password, FaultPlan faults) {
    public static final int MIN_MEMORY_DAYS = 45;
    public static final String DEFAULT_PASSWORD = "12345678";

    public FleetTerms {
        if (memoryDays < 1 || memoryDays > 3660) {
            throw new IllegalArgumentException("memory days must be 1..3660");
        }
        if (!IntervalPlan.isValidLength(intervalMinutes)) {
            throw new IllegalArgumentException("interval must be one of " + IntervalPlan.VALID_LENGTHS + " minutes");
        }
        if (!(maxDriftPpm >= 0 && maxDriftPpm <= 1000)) {
            throw new IllegalArgumentException("drift must be 0..1000 ppm");
        }
        if (!(solarShare >= 0 && solarShare <= 1)) {
            throw new IllegalArgumentException("solar share must be 0..1");
        }
        if (password.isEmpty() || password.length() > 32 || !password.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("password must be 1..32 printable ASCII characters");
        }
    }

    public static FleetTerms defaults(long seed, Instant start) {
        return new FleetTerms(seed, start, ZoneOffset.UTC, MIN_MEMORY_DAYS, 15, 2.0, 0.2, DEFAULT_PASSWORD, FaultPlan.NONE);
    }

    public FleetTerms withFaults(FaultPlan plan) {
        return new FleetTerms(seed, start, offset, memoryDays, intervalMinutes, maxDriftPpm, solarShare, password, plan);
    }

    public FleetTerms withOffset(ZoneOffset o) {
        return new FleetTerms(seed, start, o, memoryDays, intervalMinutes, maxDriftPpm, solarShare, password, faults);
    }

    /** Local day number (days since 1970-01-01 in standard time) of the simulation start. */
    public long startDay() {
        return Math.floorDiv(start.getEpochSecond() + offset.getTotalSeconds(), 86_400);
    }

    /**
     * The day the meters' registers stood at their seeded base reading (millions of Wh, as after years
     * in service): just before the oldest day in memory at the start, so the first register a meter
     * computes sums about {@code memoryDays} of quanta, not years.
     */
    public long installedDay() {
        return startDay() - memoryDays - 2;
    }

    /** The regional outage window in local seconds, if the plan has one. */
    public Optional<long[]> regionalOutageLocal() {
        Optional<FaultRule> rule = faults.rule(Fault.REGIONAL_OUTAGE);
        return rule.map(r -> {
            long from = start.plus(r.at()).getEpochSecond() + offset.getTotalSeconds();
            return new long[] {from, from + r.lasting().getSeconds()};
        });
    }

    public Duration offsetDuration() {
        return Duration.ofSeconds(offset.getTotalSeconds());
    }
}
