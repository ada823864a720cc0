package org.adcs.simulator.fleet;

import java.util.Arrays;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * Which (meter, schedule) pairs are due at each minute of the day, so the fleet's single ticker finds
 * due pushes without looking at every meter. Entries are added when a schedule is written and
 * checked against the meter's current schedule when due, so a replaced time simply stops matching.
 * Memory: one int per scheduled time.
 */
final class ScheduleIndex {
    private static final int MINUTES = 1440;
    private final int[][] byMinute = new int[MINUTES][];
    private final int[] counts = new int[MINUTES];

    synchronized void add(SimulatedMeter meter, int schedule) {
        for (int minute : minutesOf(meter.schedule(schedule))) {
            int entry = meter.spec().index() * SimulatedMeter.SCHEDULES + schedule;
            int[] list = byMinute[minute];
            int n = counts[minute];
            if (list == null) {
                list = new int[4];
            } else if (contains(list, n, entry)) {
                continue;
            } else if (n == list.length) {
                list = Arrays.copyOf(list, n * 2);
            }
            list[n] = entry;
            byMinute[minute] = list;
            counts[minute] = n + 1;
        }
    }

    private static boolean contains(int[] list, int n, int entry) {
        for (int i = n - 1; i >= 0; i--) {
            if (list[i] == entry) {
                return true;
            }
        }
        return false;
    }

    /** Entries (meter index × SCHEDULES + schedule) registered at a minute of the day. */
    synchronized int[] at(int minuteOfDay) {
        int[] list = byMinute[minuteOfDay];
        return list == null ? new int[0] : Arrays.copyOf(list, counts[minuteOfDay]);
    }

    /** Whether a schedule's times include this minute on this ISO day of week. */
    static boolean due(DlmsData.Array times, int minuteOfDay, int dayOfWeek) {
        for (DlmsData t : times.elements()) {
            DlmsData.Structure s = (DlmsData.Structure) t;
            byte[] time = ((DlmsData.OctetString) s.elements().get(0)).value();
            byte[] date = ((DlmsData.OctetString) s.elements().get(1)).value();
            int hour = time[0] & 0xFF;
            int minute = time[1] & 0xFF;
            int weekday = date[4] & 0xFF;
            boolean hourMatches = hour == 0xFF || hour * 60 + minute == minuteOfDay;
            if (hourMatches && minute == minuteOfDay % 60 && (weekday == 0xFF || weekday == dayOfWeek)) {
                return true;
            }
        }
        return false;
    }

    static int[] minutesOf(DlmsData.Array times) {
        return times.elements().stream().flatMapToInt(t -> {
            byte[] time = ((DlmsData.OctetString) ((DlmsData.Structure) t).elements().get(0)).value();
            int hour = time[0] & 0xFF;
            int minute = time[1] & 0xFF;
            if (minute > 59) {
                return java.util.stream.IntStream.empty();
            }
            return hour == 0xFF ? java.util.stream.IntStream.range(0, 24).map(h -> h * 60 + minute)
                    : hour <= 23 ? java.util.stream.IntStream.of(hour * 60 + minute) : java.util.stream.IntStream.empty();
        }).distinct().toArray();
    }
}
