package org.adcs.simulator.meter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.adcs.simulator.fault.Fault;

/**
 * Generates what a meter has measured, lazily and deterministically from its seed: energy per
 * 5-minute quantum from a residential load shape (time of day, weekday, noise, appliance spikes,
 * solar export on some meters), incidents per day (outages, disconnections, tamper, self-tests),
 * intervals, midnight registers and the event log. Registers are sums of the same quanta as the
 * intervals, so a midnight register difference equals the day's intervals exactly (R-SCH-8).
 * All times here are local standard-time seconds of the meter's own clock.
 */
public final class MeterHistory {
    public static final int QUANTUM_SECONDS = 300;
    public static final int DAY_SECONDS = 86_400;
    private static final int QUANTA_PER_DAY = DAY_SECONDS / QUANTUM_SECONDS;
    private final MeterSpec spec;
    private final FleetTerms terms;
    private final int offsetSeconds;
    private final double importDivisor;

    public MeterHistory(MeterSpec spec, FleetTerms terms) {
        this.spec = spec;
        this.terms = terms;
        this.offsetSeconds = terms.offset().getTotalSeconds();
        this.importDivisor = Math.pow(10, spec.importScaler());
    }

    public Instant instantOf(long local) {
        return Instant.ofEpochSecond(local - offsetSeconds);
    }

    public long localOf(Instant instant) {
        return instant.getEpochSecond() + offsetSeconds;
    }

    /** ISO day of week (Monday 1) of a local day number; 1970-01-01 was a Thursday. */
    public static int dayOfWeek(long day) {
        return Math.floorMod(day + 3, 7) + 1;
    }

    /** The day's incidents, including the regional outage where it overlaps the day. */
    public List<Incident> incidents(long day) {
        long base = day * DAY_SECONDS;
        long h = Seeds.hash(spec.seed(), 0xD1L, day);
        List<Incident> out = new ArrayList<>(2);
        if (Seeds.unit(Seeds.hash(h, 1)) < 0.02) {
            long s = base + Seeds.between(Seeds.hash(h, 2), 0, DAY_SECONDS - 61);
            out.add(new Incident(Incident.Kind.POWER_OUTAGE, s, Math.min(base + DAY_SECONDS, s + Seeds.between(Seeds.hash(h, 3), 60, 10_800))));
        }
        if (Seeds.unit(Seeds.hash(h, 4)) < 0.003) {
            long s = base + Seeds.between(Seeds.hash(h, 5), 0, DAY_SECONDS - 1801);
            out.add(new Incident(Incident.Kind.REMOTE_DISCONNECTION, s,
                    Math.min(base + DAY_SECONDS, s + Seeds.between(Seeds.hash(h, 6), 1_800, 36_000))));
        }
        point(out, h, 7, 0.002, base, Incident.Kind.COVER_REMOVED);
        point(out, h, 8, 0.002, base, Incident.Kind.TAMPER);
        point(out, h, 9, 0.001, base, Incident.Kind.CLOCK_INVALID);
        if (dayOfWeek(day) == 7) {
            boolean failed = Seeds.unit(Seeds.hash(h, 10)) < 0.01;
            long at = base + 3 * 3600;
            out.add(new Incident(failed ? Incident.Kind.SELF_TEST_FAILED : Incident.Kind.SELF_TEST_PASSED, at, at));
        }
        if (spec.has(Fault.REGIONAL_OUTAGE)) {
            terms.regionalOutageLocal().ifPresent(w -> {
                if (w[0] < base + DAY_SECONDS && w[1] > base) {
                    out.add(new Incident(Incident.Kind.POWER_OUTAGE, w[0], w[1]));
                }
            });
        }
        return out;
    }

    private static void point(List<Incident> out, long h, int salt, double p, long base, Incident.Kind kind) {
        if (Seeds.unit(Seeds.hash(h, salt)) < p) {
            long at = base + Seeds.between(Seeds.hash(h, salt + 100), 0, DAY_SECONDS - 1);
            out.add(new Incident(kind, at, at));
        }
    }

    /** Import and export of one 5-minute quantum in raw channel units, into {@code out[0..1]}. */
    void quantum(long q, List<Incident> incidents, long[] out) {
        long s = q * QUANTUM_SECONDS;
        long off = 0;
        for (Incident i : incidents) {
            if (i.kind().stopsEnergy) {
                off += i.overlap(s, s + QUANTUM_SECONDS);
            }
        }
        double on = 1 - Math.min(QUANTUM_SECONDS, off) / (double) QUANTUM_SECONDS;
        if (on <= 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        long day = Math.floorDiv(s, DAY_SECONDS);
        double hour = (s - day * DAY_SECONDS + QUANTUM_SECONDS / 2.0) / 3600.0;
        boolean weekend = dayOfWeek(day) >= 6;
        double load = spec.baseW() + spec.morningW() * bump(hour, weekend ? 9.0 : 7.25, 1.0)
                + spec.eveningW() * bump(hour, 19.5, 1.6) + (weekend ? 0.6 * spec.morningW() * bump(hour, 13, 2.5) : 0);
        long hq = Seeds.hash(spec.seed(), 0x9EL, q);
        load *= 0.7 + 0.6 * Seeds.unit(hq);
        if (Seeds.unit(Seeds.hash(hq, 1)) < 0.03) {
            load += 1500 + 1500 * Seeds.unit(Seeds.hash(hq, 2)); // kettle, oven, washing machine
        }
        double pv = 0;
        if (spec.hasSolar()) {
            double sun = Math.max(0, Math.sin(Math.PI * (hour - 6) / 14));
            double clouds = 0.3 + 0.7 * Seeds.unit(Seeds.hash(spec.seed(), 0xC1L, day));
            pv = spec.solarPeakW() * sun * clouds * (0.85 + 0.15 * Seeds.unit(Seeds.hash(hq, 3)));
        }
        double net = (load - pv) * on;
        double wh = Math.abs(net) * QUANTUM_SECONDS / 3600.0;
        out[0] = net > 0 ? Math.round(wh / importDivisor) : 0;
        out[1] = net < 0 ? Math.round(wh) : 0;
    }

    private static double bump(double hour, double centre, double width) {
        double d = (hour - centre) / width;
        return Math.exp(-0.5 * d * d);
    }

    /** Sum of import and export over quanta [fromQ, toQ). */
    long[] sumQuanta(long fromQ, long toQ) {
        long[] total = new long[2];
        long[] q = new long[2];
        long cachedDay = Long.MIN_VALUE;
        List<Incident> incidents = List.of();
        for (long i = fromQ; i < toQ; i++) {
            long day = Math.floorDiv(i, QUANTA_PER_DAY);
            if (day != cachedDay) {
                cachedDay = day;
                incidents = incidents(day);
            }
            quantum(i, incidents, q);
            total[0] += q[0];
            total[1] += q[1];
        }
        return total;
    }

    /** Interval readings whose end lies in [fromLocal, toLocal], under the given interval plan. */
    public List<IntervalReading> intervals(long fromLocal, long toLocal, IntervalPlan plan, List<MeterEvent> runtimeEvents) {
        List<IntervalReading> out = new ArrayList<>();
        long end = plan.nextEndAfter(fromLocal - 1);
        while (end <= toLocal) {
            long start = end - plan.minutesAt(end) * 60L;
            long[] energy = sumQuanta(start / QUANTUM_SECONDS, end / QUANTUM_SECONDS);
            int status = 0;
            for (Incident i : incidents(Math.floorDiv(start, DAY_SECONDS))) {
                if (i.overlap(start, end) > 0) {
                    status |= i.kind().status;
                }
            }
            for (MeterEvent e : runtimeEvents) {
                long t = localOf(e.time());
                if (e.code() == EventCode.CLOCK_ADJUSTED_NEW_TIME.code() && t > start && t <= end) {
                    status |= IntervalReading.CLOCK_ADJUSTED;
                }
            }
            out.add(new IntervalReading(instantOf(end), status, energy[0], energy[1]));
            end = plan.nextEndAfter(end);
        }
        return out;
    }

    /** The registers at the midnight that starts {@code day}; the cache makes consecutive days cheap. */
    public MidnightRegisters midnight(long day, RegisterCache cache) {
        long from = terms.installedDay();
        long imp = spec.importBase();
        long exp = spec.exportBase();
        long[] cached = cache.load();
        if (cached != null && cached[0] >= from && cached[0] <= day) {
            from = cached[0];
            imp = cached[1];
            exp = cached[2];
        }
        if (from < day) {
            long[] sum = sumQuanta(from * QUANTA_PER_DAY, day * QUANTA_PER_DAY);
            imp += sum[0];
            exp += sum[1];
        }
        cache.store(Math.max(day, terms.installedDay()), imp, exp);
        return new MidnightRegisters(instantOf(day * DAY_SECONDS), imp, exp);
    }

    /** The registers at the midnights starting days firstDay..lastDay: one sum to the first, then a day's quanta each. */
    public List<MidnightRegisters> midnights(long firstDay, long lastDay, RegisterCache cache) {
        List<MidnightRegisters> out = new ArrayList<>();
        if (firstDay > lastDay) {
            return out;
        }
        MidnightRegisters m = midnight(firstDay, cache);
        out.add(m);
        long imp = m.importRaw();
        long exp = m.exportRaw();
        for (long d = firstDay + 1; d <= lastDay; d++) {
            long[] day = sumQuanta((d - 1) * QUANTA_PER_DAY, d * QUANTA_PER_DAY);
            imp += day[0];
            exp += day[1];
            out.add(new MidnightRegisters(instantOf(d * DAY_SECONDS), imp, exp));
        }
        cache.store(lastDay, imp, exp);
        return out;
    }

    /** The registers now: the last midnight plus today's completed intervals. */
    public long[] registersAt(long nowLocal, IntervalPlan plan, RegisterCache cache) {
        long day = Math.floorDiv(nowLocal, DAY_SECONDS);
        MidnightRegisters m = midnight(day, cache);
        long lastEnd = Math.max(day * DAY_SECONDS, plan.lastEndAtOrBefore(nowLocal));
        long[] today = sumQuanta(day * QUANTA_PER_DAY, lastEnd / QUANTUM_SECONDS);
        return new long[] {m.importRaw() + today[0], m.exportRaw() + today[1]};
    }

    /** Generated events with a time in [fromLocal, toLocal], oldest first. */
    public List<MeterEvent> events(long fromLocal, long toLocal) {
        List<MeterEvent> out = new ArrayList<>();
        for (long day = Math.floorDiv(fromLocal, DAY_SECONDS); day <= Math.floorDiv(toLocal, DAY_SECONDS); day++) {
            long dayStart = day * DAY_SECONDS;
            for (Incident i : incidents(day)) {
                addIfIn(out, i.startLocal(), i.kind().startEvent, dayStart, fromLocal, toLocal);
                if (i.kind().endEvent != null) {
                    addIfIn(out, i.endLocal(), i.kind().endEvent, dayStart, fromLocal, toLocal);
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    private void addIfIn(List<MeterEvent> out, long t, EventCode code, long dayStart, long from, long to) {
        if (t >= dayStart && t < dayStart + DAY_SECONDS && t >= from && t <= to) {
            out.add(new MeterEvent(instantOf(t), code.code()));
        }
    }

    /** Power quality of a day (R-FLD-2): voltage minimum, average and maximum in 0.1 V. */
    public int[] voltage(long day) {
        long h = Seeds.hash(spec.seed(), 0x70L, day);
        int avg = (int) Seeds.between(h, 2260, 2340);
        boolean outage = incidents(day).stream().anyMatch(i -> i.kind() == Incident.Kind.POWER_OUTAGE);
        int min = outage ? 0 : avg - (int) Seeds.between(Seeds.hash(h, 1), 20, 150);
        return new int[] {min, avg, avg + (int) Seeds.between(Seeds.hash(h, 2), 10, 80)};
    }
}
