package org.adcs.simulator.meter;

import io.netty.channel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.adcs.protocol.axdr.DlmsData;

/**
 * One simulated meter: its fixed character ({@link MeterSpec}) and the little state the head-end can
 * change or that the simulation advances (clock correction, interval plan, read schedules, what has
 * been pushed, runtime events). Its history is generated on demand by {@link MeterHistory}; an idle
 * meter costs a few hundred bytes. Thread-safe: event loops and the fleet ticker both use it.
 */
public final class SimulatedMeter {
    /** Default daily push plus at least 4 settable read schedules (R-SCH-5). */
    public static final int SCHEDULES = 5;
    private static final int RUNTIME_EVENT_CAPACITY = 32;
    private final MeterSpec spec;
    private final FleetTerms terms;
    private final RegisterCache registerCache = new RegisterCache();
    private IntervalPlan plan;
    private boolean ownsPlan;
    private long clockCorrectionMs;
    private long[] runtimeEvents;
    private int runtimeEventCount;
    private DlmsData.Array[] schedules;
    private long pushedUntilLocal;
    private long eventsPushedUntilLocal;
    private long pushInvokeId;
    private volatile Channel connection;
    private int failedAttempts;

    public SimulatedMeter(MeterSpec spec, FleetTerms terms, IntervalPlan fleetDefaultPlan) {
        this.spec = spec;
        this.terms = terms;
        this.plan = fleetDefaultPlan;
        long startLocal = terms.start().getEpochSecond() + terms.offset().getTotalSeconds();
        this.pushedUntilLocal = terms.startDay() * MeterHistory.DAY_SECONDS;
        this.eventsPushedUntilLocal = startLocal;
    }

    /** The meter's live connection, or null; set and cleared by the fleet's connection logic. */
    public Channel connection() {
        return connection;
    }

    public void connection(Channel channel) {
        connection = channel;
    }

    /** Counts a failed or lost connection and returns how many in a row, for back-off. */
    public synchronized int nextReconnectAttempt() {
        return ++failedAttempts;
    }

    public synchronized void connectionHealthy() {
        failedAttempts = 0;
    }

    public MeterSpec spec() {
        return spec;
    }

    public FleetTerms terms() {
        return terms;
    }

    public String name() {
        return spec.logicalDeviceName();
    }

    public MeterHistory history() {
        return new MeterHistory(spec, terms);
    }

    /** The meter's own clock: fleet time plus its initial error, crystal drift and corrections. */
    public synchronized Instant now(Instant fleetNow) {
        long elapsedMs = Duration.between(terms.start(), fleetNow).toMillis();
        long driftMs = (long) (elapsedMs * spec.driftPpm() / 1e6);
        return fleetNow.plusMillis(spec.clockOffsetMs() + driftMs + clockCorrectionMs);
    }

    public long nowLocal(Instant fleetNow) {
        return now(fleetNow).getEpochSecond() + terms.offset().getTotalSeconds();
    }

    /** First local second the meter still remembers. */
    public long memoryStartLocal(long nowLocal) {
        return (Math.floorDiv(nowLocal, MeterHistory.DAY_SECONDS) - spec.memoryDays()) * MeterHistory.DAY_SECONDS;
    }

    public synchronized IntervalPlan plan() {
        return plan;
    }

    /** Intervals ending in [fromLocal, toLocal] that the meter holds now (completed and still in memory). */
    public List<IntervalReading> intervals(long fromLocal, long toLocal, Instant fleetNow) {
        long now = nowLocal(fleetNow);
        IntervalPlan p = plan();
        long from = Math.max(fromLocal, memoryStartLocal(now) + 1);
        long to = Math.min(toLocal, p.lastEndAtOrBefore(now));
        return from > to ? List.of() : history().intervals(from, to, p, runtimeEvents());
    }

    /** Midnight registers of the days in memory whose midnight lies in [fromLocal, toLocal]. */
    public List<MidnightRegisters> midnights(long fromLocal, long toLocal, Instant fleetNow) {
        long now = nowLocal(fleetNow);
        long firstDay = Math.max(Math.floorDiv(memoryStartLocal(now), MeterHistory.DAY_SECONDS) + 1,
                Math.floorDiv(fromLocal + MeterHistory.DAY_SECONDS - 1, MeterHistory.DAY_SECONDS));
        long lastDay = Math.min(Math.floorDiv(now, MeterHistory.DAY_SECONDS), Math.floorDiv(toLocal, MeterHistory.DAY_SECONDS));
        return history().midnights(firstDay, lastDay, registerCache);
    }

    /** Current register values (raw import, raw export). */
    public long[] registersNow(Instant fleetNow) {
        return history().registersAt(nowLocal(fleetNow), plan(), registerCache);
    }

    /** The event log entries in [fromLocal, toLocal] that the meter holds now, oldest first. */
    public List<MeterEvent> events(long fromLocal, long toLocal, Instant fleetNow) {
        long now = nowLocal(fleetNow);
        long from = Math.max(fromLocal, memoryStartLocal(now));
        long to = Math.min(toLocal, now);
        if (from > to) {
            return List.of();
        }
        List<MeterEvent> out = new ArrayList<>(history().events(from, to));
        for (MeterEvent e : runtimeEvents()) {
            long t = history().localOf(e.time());
            if (t >= from && t <= to) {
                out.add(e);
            }
        }
        Collections.sort(out);
        return out;
    }

    /** Sets the clock (R-SCH-8: settable remotely), logging the old and the new time. */
    public synchronized void setClock(Instant newTime, Instant fleetNow) {
        Instant old = now(fleetNow);
        logEvent(old, EventCode.CLOCK_ADJUSTED_OLD_TIME);
        clockCorrectionMs += Duration.between(old, newTime).toMillis();
        logEvent(newTime, EventCode.CLOCK_ADJUSTED_NEW_TIME);
    }

    public synchronized void logEvent(Instant meterTime, EventCode code) {
        if (runtimeEvents == null) {
            runtimeEvents = new long[RUNTIME_EVENT_CAPACITY];
        }
        runtimeEvents[runtimeEventCount % RUNTIME_EVENT_CAPACITY] = meterTime.getEpochSecond() << 16 | code.code();
        runtimeEventCount++;
    }

    /** Events logged at run time (clock settings), oldest first; the oldest are overwritten. */
    public synchronized List<MeterEvent> runtimeEvents() {
        if (runtimeEvents == null) {
            return List.of();
        }
        int n = Math.min(runtimeEventCount, RUNTIME_EVENT_CAPACITY);
        List<MeterEvent> out = new ArrayList<>(n);
        for (int i = runtimeEventCount - n; i < runtimeEventCount; i++) {
            long packed = runtimeEvents[i % RUNTIME_EVENT_CAPACITY];
            out.add(new MeterEvent(Instant.ofEpochSecond(packed >> 16), (int) (packed & 0xFFFF)));
        }
        return out;
    }

    /** Reprograms the recording interval from now on (R-SCH-7); the fleet's shared plan is copied first. */
    public synchronized void setIntervalMinutes(int minutes, Instant fleetNow) {
        if (!ownsPlan) {
            plan = new IntervalPlan(terms.intervalMinutes());
            ownsPlan = true;
        }
        plan.change(nowLocal(fleetNow), minutes);
    }

    /** A read schedule's execution times; index 0 is the default daily push. */
    public synchronized DlmsData.Array schedule(int index) {
        if (schedules != null && schedules[index] != null) {
            return schedules[index];
        }
        if (index == 0) {
            return DlmsData.Array.of(DlmsData.Structure.of(
                    new DlmsData.OctetString(new byte[] {(byte) (spec.defaultPushMinute() / 60), (byte) (spec.defaultPushMinute() % 60), 0, 0}),
                    new DlmsData.OctetString(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})));
        }
        return new DlmsData.Array(List.of());
    }

    public synchronized void setSchedule(int index, DlmsData.Array times) {
        if (schedules == null) {
            schedules = new DlmsData.Array[SCHEDULES];
        }
        schedules[index] = times;
    }

    public synchronized long pushedUntilLocal() {
        return pushedUntilLocal;
    }

    public synchronized long eventsPushedUntilLocal() {
        return eventsPushedUntilLocal;
    }

    /** The next DataNotification invoke id of this meter (24 bits, wrapping), so a seed replays the same bytes. */
    public synchronized long nextPushInvokeId() {
        pushInvokeId = (pushInvokeId + 1) & 0x00FF_FFFFL;
        return pushInvokeId;
    }

    /** Records a successful push: the head-end has intervals up to and events through these times (R-SCH-6). */
    public synchronized void pushed(long intervalsUntilLocal, long eventsUntilLocal) {
        pushedUntilLocal = Math.max(pushedUntilLocal, intervalsUntilLocal);
        eventsPushedUntilLocal = Math.max(eventsPushedUntilLocal, eventsUntilLocal);
    }
}
