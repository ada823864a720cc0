package org.adcs.simulator.fault;

import java.time.Duration;
import java.util.Arrays;
import org.adcs.simulator.meter.Seeds;

/**
 * One fault given to a share of the fleet or to listed meters (by index), with its parameters.
 * Membership is a pure function of the fleet seed, so the same seed picks the same meters.
 *
 * @param share       fraction of the fleet in [0, 1], used when {@code meters} is empty
 * @param meters      meter indices, sorted; when non-empty, exactly these meters have the fault
 * @param delay       {@link Fault#SLOW}: how long each answer is held back (real time)
 * @param missedDays  {@link Fault#INTERMITTENT}, {@link Fault#LOST_DAYS}: k days missed (off the network, or not recorded) ...
 * @param ofDays      ... out of every n days
 * @param consecutive ... in one run or scattered
 * @param at          {@link Fault#REGIONAL_OUTAGE}: start, after the simulation start
 * @param lasting     {@link Fault#REGIONAL_OUTAGE}: duration
 * @param memoryDays  {@link Fault#SHORT_MEMORY}: days the meter keeps
 */
public record FaultRule(Fault fault, double share, int[] meters, Duration delay, int missedDays, int ofDays,
                        boolean consecutive, Duration at, Duration lasting, int memoryDays) {
    public FaultRule {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(fault.cliName() + ": share must be between 0 and 100%");
        }
        meters = meters.clone();
        Arrays.sort(meters);
        if (missedDays < 0 || ofDays < 1 || missedDays > ofDays || ofDays > 366) {
            throw new IllegalArgumentException(fault.cliName() + ": need 0 <= k <= n <= 366 days");
        }
        if (memoryDays < 1 || memoryDays > 3660) {
            throw new IllegalArgumentException(fault.cliName() + ": days must be 1..3660");
        }
        if (delay.isNegative() || at.isNegative() || lasting.isNegative()) {
            throw new IllegalArgumentException(fault.cliName() + ": durations must not be negative");
        }
    }

    public static FaultRule ofShare(Fault fault, double share) {
        return new FaultRule(fault, share, new int[0], Duration.ofSeconds(10), 1, 7, false,
                Duration.ofHours(2), Duration.ofMinutes(30), 10);
    }

    public FaultRule forMeters(int... indices) {
        return new FaultRule(fault, 0, indices, delay, missedDays, ofDays, consecutive, at, lasting, memoryDays);
    }

    public FaultRule withDelay(Duration d) {
        return new FaultRule(fault, share, meters, d, missedDays, ofDays, consecutive, at, lasting, memoryDays);
    }

    public FaultRule withMissedDays(int k, int n, boolean inARow) {
        return new FaultRule(fault, share, meters, delay, k, n, inARow, at, lasting, memoryDays);
    }

    public FaultRule withOutage(Duration start, Duration duration) {
        return new FaultRule(fault, share, meters, delay, missedDays, ofDays, consecutive, start, duration, memoryDays);
    }

    public FaultRule withMemoryDays(int days) {
        return new FaultRule(fault, share, meters, delay, missedDays, ofDays, consecutive, at, lasting, days);
    }

    public int[] meters() {
        return meters.clone();
    }

    public boolean applies(long fleetSeed, int meterIndex) {
        if (meters.length > 0) {
            return Arrays.binarySearch(meters, meterIndex) >= 0;
        }
        return Seeds.unit(Seeds.hash(fleetSeed, 0xFA17L, fault.ordinal(), meterIndex)) < share;
    }

    /**
     * {@link Fault#INTERMITTENT}: whether the meter is off the network on this local day;
     * {@link Fault#LOST_DAYS}: whether the meter holds no load profile of this local day.
     */
    public boolean missesDay(long meterSeed, long day) {
        long window = Math.floorDiv(day, ofDays);
        int position = Math.floorMod(day, ofDays);
        long h = Seeds.hash(meterSeed, 0x1D7EL, window);
        if (consecutive) {
            long first = Seeds.between(h, 0, ofDays - missedDays);
            return position >= first && position < first + missedDays;
        }
        // a seeded partial shuffle of the window's days picks exactly k of them
        int[] days = new int[ofDays];
        for (int i = 0; i < ofDays; i++) {
            days[i] = i;
        }
        for (int i = 0; i < missedDays; i++) {
            int j = (int) Seeds.between(Seeds.hash(h, i), i, ofDays - 1);
            int t = days[i];
            days[i] = days[j];
            days[j] = t;
            if (days[i] == position) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultRule r && r.fault == fault && r.share == share && Arrays.equals(r.meters, meters)
                && r.delay.equals(delay) && r.missedDays == missedDays && r.ofDays == ofDays && r.consecutive == consecutive
                && r.at.equals(at) && r.lasting.equals(lasting) && r.memoryDays == memoryDays;
    }

    @Override
    public int hashCode() {
        return fault.hashCode() * 31 + Arrays.hashCode(meters);
    }

    @Override
    public String toString() {
        return fault.cliName() + (meters.length > 0 ? " meters " + Arrays.toString(meters) : " " + share * 100 + "%");
    }
}
