package org.adcs.simulator.meter;

import java.util.Arrays;
import java.util.List;

/**
 * A meter's recording interval over time (R-SCH-7: remotely programmable). A change takes effect at
 * the next boundary common to the old and the new length, so no interval is ever cut short. Only
 * the last few changes are kept; older history reads with the oldest known length.
 */
public final class IntervalPlan {
    public static final List<Integer> VALID_LENGTHS = List.of(5, 10, 15, 30, 60);
    private static final int MAX_CHANGES = 4;
    private final int initialMinutes;
    /** Pairs (effective local second, minutes), oldest first. */
    private long[] changes = new long[0];

    public IntervalPlan(int initialMinutes) {
        this.initialMinutes = initialMinutes;
    }

    public static boolean isValidLength(int minutes) {
        return VALID_LENGTHS.contains(minutes);
    }

    /** The length in force for an interval ending at {@code endLocal}. */
    public synchronized int minutesAt(long endLocal) {
        int minutes = initialMinutes;
        for (int i = 0; i < changes.length; i += 2) {
            if (endLocal > changes[i]) {
                minutes = (int) changes[i + 1];
            }
        }
        return minutes;
    }

    /** Programs a new length from {@code nowLocal}; returns the local second it takes effect. */
    public synchronized long change(long nowLocal, int minutes) {
        if (!isValidLength(minutes)) {
            throw new IllegalArgumentException("interval must be one of " + VALID_LENGTHS + " minutes");
        }
        int current = minutesAt(nowLocal + 1);
        long common = lcm(current, minutes) * 60L;
        long effective = Math.floorDiv(nowLocal, common) * common + common;
        long[] next = Arrays.copyOf(changes, changes.length + 2);
        next[next.length - 2] = effective;
        next[next.length - 1] = minutes;
        if (next.length > 2 * MAX_CHANGES) {
            next = Arrays.copyOfRange(next, 2, next.length);
        }
        changes = next;
        return effective;
    }

    /** The first interval end strictly after {@code local}. */
    public long nextEndAfter(long local) {
        long step = minutesAt(local + 1) * 60L;
        long candidate = Math.floorDiv(local, step) * step + step;
        // a change between local and candidate re-aligns: take the earlier boundary of the new length
        int later = minutesAt(candidate);
        if (later * 60L != step) {
            long s = later * 60L;
            return Math.floorDiv(local, s) * s + s;
        }
        return candidate;
    }

    /** The last interval end at or before {@code local}. */
    public long lastEndAtOrBefore(long local) {
        long step = minutesAt(local) * 60L;
        return Math.floorDiv(local, step) * step;
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
