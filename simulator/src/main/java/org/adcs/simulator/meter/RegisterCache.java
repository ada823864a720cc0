package org.adcs.simulator.meter;

/**
 * The last computed midnight registers of a meter (day, import, export), so a daily push sums one
 * day of quanta rather than a year. Thread-safe: the event loops and the fleet's ticker share it.
 */
public final class RegisterCache {
    private long day = Long.MIN_VALUE;
    private long importRaw;
    private long exportRaw;

    synchronized long[] load() {
        return day == Long.MIN_VALUE ? null : new long[] {day, importRaw, exportRaw};
    }

    synchronized void store(long d, long imp, long exp) {
        if (d >= day) {
            day = d;
            importRaw = imp;
            exportRaw = exp;
        }
    }
}
