package org.adcs.simulator.meter;

import io.netty.channel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.simulator.fault.Fault;

/**
 * One simulated meter: its fixed character ({@link MeterSpec}) and the little state the head-end can
 * change or that the simulation advances (clock correction, interval plan, read schedules, what has
 * been pushed and acknowledged, runtime events). Its history is generated on demand by
 * {@link MeterHistory}; an idle meter costs a few hundred bytes. Thread-safe: event loops and the
 * fleet ticker both use it.
 *
 * <p>Push acknowledgement (R-COL-1, R-SCH-6): a scheduled push counts as delivered only when the
 * head-end SETs its timestamp into the acknowledgement object. The meter keeps four longs for it, not
 * an object per push: where the acknowledged intervals end, and the one unacknowledged push as its
 * timestamp (plus whether it ends at midnight) and the start of its events, from which
 * {@link PushWindow} rebuilds exactly what it carried.
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
    private long acknowledgedUntilLocal;
    private long eventsPushedUntilLocal;
    /** Meter time (epoch ms) of the unacknowledged scheduled push, shifted left one bit; the bit is 1 if it ends at midnight. 0: none. */
    private long unacknowledgedPush;
    private long unacknowledgedEventsFromLocal;
    /** Meter time (epoch ms) of the last acknowledged push, 0 before the first: the object's value. */
    private long lastAcknowledgedMillis;
    /** Meter time (epoch ms) of the last events-only push: its acknowledgement is taken, nothing is re-sent. */
    private long lastEventPushMillis;
    private long pushInvokeId;
    private volatile Channel connection;
    private int failedAttempts;

    public SimulatedMeter(MeterSpec spec, FleetTerms terms, IntervalPlan fleetDefaultPlan) {
        this.spec = spec;
        this.terms = terms;
        this.plan = fleetDefaultPlan;
        long startLocal = terms.start().getEpochSecond() + terms.offset().getTotalSeconds();
        this.acknowledgedUntilLocal = terms.startDay() * MeterHistory.DAY_SECONDS;
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
        return intervalsHeldAt(fromLocal, toLocal, nowLocal(fleetNow));
    }

    /** Intervals ending in [fromLocal, toLocal] as the meter held them when its own clock read {@code now} (local seconds). */
    public List<IntervalReading> intervalsHeldAt(long fromLocal, long toLocal, long now) {
        IntervalPlan p = plan();
        long from = Math.max(fromLocal, memoryStartLocal(now) + 1);
        long to = Math.min(toLocal, p.lastEndAtOrBefore(now));
        if (from > to) {
            return List.of();
        }
        List<IntervalReading> held = history().intervals(from, to, p, runtimeEvents());
        return spec.has(Fault.LOST_DAYS) ? withoutLostDays(held) : held;
    }

    /** {@link Fault#LOST_DAYS}: the intervals of the days the meter did not record are not there (an interval ending at midnight is its day's last). */
    private List<IntervalReading> withoutLostDays(List<IntervalReading> held) {
        return terms.faults().rule(Fault.LOST_DAYS).map(rule -> held.stream().filter(r -> !rule.missesDay(spec.seed(),
                Math.floorDiv(r.end().getEpochSecond() + terms.offset().getTotalSeconds() - 1, MeterHistory.DAY_SECONDS))).toList())
                .orElse(held);
    }

    /** Midnight registers of the days in memory whose midnight lies in [fromLocal, toLocal]. */
    public List<MidnightRegisters> midnights(long fromLocal, long toLocal, Instant fleetNow) {
        return midnightsHeldAt(fromLocal, toLocal, nowLocal(fleetNow));
    }

    /** Midnight registers in [fromLocal, toLocal] as the meter held them when its own clock read {@code now}. */
    public List<MidnightRegisters> midnightsHeldAt(long fromLocal, long toLocal, long now) {
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
        return eventsHeldAt(fromLocal, toLocal, nowLocal(fleetNow));
    }

    /** Event log entries in [fromLocal, toLocal] as the meter held them when its own clock read {@code now}. */
    public List<MeterEvent> eventsHeldAt(long fromLocal, long toLocal, long now) {
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

    public synchronized long acknowledgedUntilLocal() {
        return acknowledgedUntilLocal;
    }

    public synchronized long eventsPushedUntilLocal() {
        return eventsPushedUntilLocal;
    }

    /** The next DataNotification invoke id of this meter (24 bits, wrapping), so a seed replays the same bytes. */
    public synchronized long nextPushInvokeId() {
        pushInvokeId = (pushInvokeId + 1) & 0x00FF_FFFFL;
        return pushInvokeId;
    }

    /**
     * Opens a scheduled push stamped {@code meterTimeMillis} (see {@link #uniqueStamp}), ending at the last midnight or at
     * the last completed interval. It sends everything since the last acknowledged push (R-SCH-6), so
     * while an earlier push is unacknowledged this one carries its days and events again and takes its
     * place as the push awaiting acknowledgement. Recorded as it is composed: a push that never leaves
     * is unacknowledged like one the head-end did not store.
     */
    public synchronized PushWindow openScheduledPush(long meterTimeMillis, boolean untilMidnight) {
        long timeMillis = uniqueStamp(meterTimeMillis);
        long eventsFrom = unacknowledgedPush != 0 ? unacknowledgedEventsFromLocal : eventsPushedUntilLocal + 1;
        unacknowledgedPush = timeMillis << 1 | (untilMidnight ? 1 : 0);
        unacknowledgedEventsFromLocal = eventsFrom;
        eventsPushedUntilLocal = Math.max(eventsPushedUntilLocal, localOfMillis(timeMillis));
        return window(unacknowledgedPush, eventsFrom);
    }

    /** Whether a scheduled push has been sent and not acknowledged. */
    public synchronized boolean awaitsAcknowledgement() {
        return unacknowledgedPush != 0;
    }

    /** The scheduled push sent but not acknowledged, to send again with the same content. */
    public synchronized Optional<PushWindow> unacknowledgedPush() {
        return unacknowledgedPush == 0 ? Optional.empty() : Optional.of(window(unacknowledgedPush, unacknowledgedEventsFromLocal));
    }

    private PushWindow window(long packed, long eventsFrom) {
        long timeMillis = packed >>> 1;
        long now = localOfMillis(timeMillis);
        long midnight = Math.floorDiv(now, MeterHistory.DAY_SECONDS) * MeterHistory.DAY_SECONDS;
        long cutoff = (packed & 1) != 0 ? midnight : Math.max(midnight, plan.lastEndAtOrBefore(now));
        return new PushWindow(timeMillis, acknowledgedUntilLocal, Math.max(acknowledgedUntilLocal, cutoff), eventsFrom);
    }

    private long localOfMillis(long millis) {
        return Math.floorDiv(millis, 1000) + terms.offset().getTotalSeconds();
    }

    /**
     * A push timestamp: the meter's time, or 10 ms after the latest timestamp this meter has used if
     * that is later, so that an acknowledgement names one push. An events-only push and a scheduled
     * push composed in the same tick would otherwise share a timestamp, and the events' acknowledgement
     * would pass for the scheduled push's before the head-end had stored it.
     */
    private long uniqueStamp(long meterTimeMillis) {
        long latest = Math.max(lastEventPushMillis, Math.max(unacknowledgedPush >>> 1, lastAcknowledgedMillis));
        return Math.max(meterTimeMillis, latest + 10);
    }

    /** The timestamp of an events-only push being composed now; its acknowledgement is taken (see {@link #acknowledge}). */
    public synchronized long stampEventsOnlyPush(long meterTimeMillis) {
        lastEventPushMillis = uniqueStamp(meterTimeMillis);
        return lastEventPushMillis;
    }

    /** Records an events-only push that left (R-EV-1): its events are not pushed again. */
    public synchronized void eventsPushed(long eventsUntilLocal) {
        eventsPushedUntilLocal = Math.max(eventsPushedUntilLocal, eventsUntilLocal);
    }

    /** What the head-end's acknowledgement of the push stamped {@code timeMillis} did. */
    public enum Acknowledgement {
        /** The unacknowledged scheduled push: its days are delivered, the next push starts after them. */
        ACKNOWLEDGED,
        /** The push acknowledged last, again: nothing changes. */
        REPEATED,
        /** The last events-only push: taken, nothing changes (its events were marked sent as it left). */
        EVENTS_ONLY_PUSH,
        /** Not a push this meter has outstanding or just had acknowledged: refused, nothing changes. */
        UNKNOWN
    }

    /** The head-end acknowledges the push whose own timestamp was {@code timeMillis} (R-COL-1). */
    public synchronized Acknowledgement acknowledge(long timeMillis) {
        if (timeMillis <= 0) {
            return Acknowledgement.UNKNOWN;
        }
        if (unacknowledgedPush != 0 && unacknowledgedPush >>> 1 == timeMillis) {
            acknowledgedUntilLocal = window(unacknowledgedPush, unacknowledgedEventsFromLocal).intervalsUntilLocal();
            unacknowledgedPush = 0;
            lastAcknowledgedMillis = timeMillis;
            return Acknowledgement.ACKNOWLEDGED;
        }
        if (timeMillis == lastAcknowledgedMillis) {
            return Acknowledgement.REPEATED;
        }
        if (timeMillis == lastEventPushMillis) {
            lastAcknowledgedMillis = timeMillis;
            return Acknowledgement.EVENTS_ONLY_PUSH;
        }
        return Acknowledgement.UNKNOWN;
    }

    /** Meter time (epoch ms) of the last acknowledged push; 0 if none was. */
    public synchronized long lastAcknowledgedMillis() {
        return lastAcknowledgedMillis;
    }
}
