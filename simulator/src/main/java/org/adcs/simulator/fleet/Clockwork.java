package org.adcs.simulator.fleet;

import io.netty.channel.Channel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultRule;
import org.adcs.simulator.meter.EventCode;
import org.adcs.simulator.meter.MeterEvent;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * What simulated time does to the fleet, advanced by one shared ticker: scheduled pushes at each
 * meter's schedule times (R-COL-1, R-SCH-6), events pushed as they happen (R-EV-1), the regional
 * outage and intermittent meters' offline days. Per day it builds one sorted agenda of the fleet's
 * generated events (a long per event) instead of a timer per meter. Times here are the fleet's local
 * standard time; a meter's few seconds of clock error do not move its schedule.
 */
final class Clockwork {
    private static final int MINUTES_PER_DAY = 1440;
    private final Fleet fleet;
    private final ScheduleIndex schedules;
    private final int offsetSeconds;
    private final Optional<long[]> outageWindow;
    private final Optional<FaultRule> intermittent;
    private long lastLocal;
    private long currentDay;
    private long[] agenda = new long[0];
    private int agendaPos;
    private boolean outageActive;

    Clockwork(Fleet fleet, ScheduleIndex schedules) {
        this.fleet = fleet;
        this.schedules = schedules;
        this.offsetSeconds = fleet.config().terms().offset().getTotalSeconds();
        this.outageWindow = fleet.config().terms().regionalOutageLocal();
        this.intermittent = fleet.config().terms().faults().rule(Fault.INTERMITTENT);
    }

    private long local(Instant t) {
        return t.getEpochSecond() + offsetSeconds;
    }

    synchronized void begin(Instant now) {
        lastLocal = local(now);
        currentDay = Math.floorDiv(lastLocal, MeterHistory.DAY_SECONDS);
        buildAgenda(currentDay);
        skipAgendaUpTo(lastLocal);
        outageActive = outageWindow.map(w -> w[0] <= lastLocal && lastLocal < w[1]).orElse(false);
    }

    /** Whether a meter is on the network now: not in the regional outage, not on an intermittent off day. */
    boolean online(SimulatedMeter meter, Instant fleetNow) {
        long now = local(fleetNow);
        if (meter.spec().has(Fault.REGIONAL_OUTAGE) && outageWindow.isPresent()
                && outageWindow.get()[0] <= now && now < outageWindow.get()[1]) {
            return false;
        }
        return !(meter.spec().has(Fault.INTERMITTENT) && intermittent.isPresent()
                && intermittent.get().missesDay(meter.spec().seed(), Math.floorDiv(now, MeterHistory.DAY_SECONDS)));
    }

    synchronized void advance(Instant now) {
        long nowLocal = local(now);
        if (nowLocal <= lastLocal) {
            return;
        }
        while (true) {
            long dayEnd = (currentDay + 1) * MeterHistory.DAY_SECONDS;
            fireEvents(Math.min(nowLocal, dayEnd - 1), now);
            if (nowLocal < dayEnd) {
                break;
            }
            currentDay++;
            buildAgenda(currentDay);
            newDay(now);
        }
        fireSchedules(lastLocal, nowLocal, now);
        outageTransitions(nowLocal, now);
        lastLocal = nowLocal;
    }

    private void buildAgenda(long day) {
        long from = day * MeterHistory.DAY_SECONDS;
        long[] entries = new long[64];
        int n = 0;
        for (SimulatedMeter m : fleet.meters()) {
            List<MeterEvent> events = m.history().events(from, from + MeterHistory.DAY_SECONDS - 1);
            for (MeterEvent e : events) {
                if (n == entries.length) {
                    entries = Arrays.copyOf(entries, n * 2);
                }
                long secondOfDay = m.history().localOf(e.time()) - from;
                entries[n++] = secondOfDay << 32 | m.spec().index();
            }
        }
        agenda = Arrays.copyOf(entries, n);
        Arrays.sort(agenda);
        agendaPos = 0;
    }

    private void skipAgendaUpTo(long local) {
        long dayStart = currentDay * MeterHistory.DAY_SECONDS;
        while (agendaPos < agenda.length && dayStart + (agenda[agendaPos] >>> 32) <= local) {
            agendaPos++;
        }
    }

    private void fireEvents(long uptoLocal, Instant now) {
        long dayStart = currentDay * MeterHistory.DAY_SECONDS;
        while (agendaPos < agenda.length && dayStart + (agenda[agendaPos] >>> 32) <= uptoLocal) {
            pushPendingEvents(fleet.meter((int) agenda[agendaPos]), now);
            agendaPos++;
        }
    }

    private void newDay(Instant now) {
        if (intermittent.isEmpty()) {
            return;
        }
        for (SimulatedMeter m : fleet.meters()) {
            if (!m.spec().has(Fault.INTERMITTENT)) {
                continue;
            }
            if (online(m, now)) {
                fleet.connectSoon(m);
            } else {
                disconnect(m);
            }
        }
    }

    private void outageTransitions(long nowLocal, Instant now) {
        if (outageWindow.isEmpty()) {
            return;
        }
        boolean active = outageWindow.get()[0] <= nowLocal && nowLocal < outageWindow.get()[1];
        if (active == outageActive) {
            return;
        }
        outageActive = active;
        for (SimulatedMeter m : fleet.meters()) {
            if (m.spec().has(Fault.REGIONAL_OUTAGE)) {
                if (active) {
                    lastGasp(m, outageWindow.get()[0], now);
                } else if (online(m, now)) {
                    fleet.connectSoon(m);
                }
            }
        }
    }

    /** Pushes the power-down (and anything else unsent), then drops the connection as the power goes. */
    private void lastGasp(SimulatedMeter meter, long outageStartLocal, Instant at) {
        Channel c = meter.connection();
        if (c == null) {
            return;
        }
        fleet.stats().faultsInjected.increment();
        c.eventLoop().execute(() -> {
            PushComposer.events(meter, at, outageStartLocal).ifPresent(p -> write(meter, c, p, Sent.EVENTS_ONLY));
            c.close();
        });
    }

    private void disconnect(SimulatedMeter meter) {
        Channel c = meter.connection();
        if (c != null) {
            fleet.stats().faultsInjected.increment();
            c.eventLoop().execute(c::close);
        }
    }

    private void fireSchedules(long fromLocal, long toLocal, Instant now) {
        long firstMinute = Math.max(Math.floorDiv(fromLocal, 60) + 1, Math.floorDiv(toLocal, 60) - MINUTES_PER_DAY + 1);
        for (long minute = firstMinute; minute <= Math.floorDiv(toLocal, 60); minute++) {
            int minuteOfDay = Math.floorMod(minute, MINUTES_PER_DAY);
            int dayOfWeek = MeterHistory.dayOfWeek(Math.floorDiv(minute, MINUTES_PER_DAY));
            for (int entry : schedules.at(minuteOfDay)) {
                SimulatedMeter meter = fleet.meter(entry / SimulatedMeter.SCHEDULES);
                int schedule = entry % SimulatedMeter.SCHEDULES;
                if (ScheduleIndex.due(meter.schedule(schedule), minuteOfDay, dayOfWeek)) {
                    push(meter, schedule, now);
                }
            }
        }
    }

    /**
     * A scheduled (or on-demand) push composed as of {@code at}, the tick's time, not whenever the event
     * loop gets to it; a meter that cannot send it catches up next time (R-SCH-6). If the previous push
     * is still unacknowledged, this one carries its days again.
     */
    void push(SimulatedMeter meter, int schedule, Instant at) {
        Channel c = meter.connection();
        if (c == null || !c.isActive() || meter.spec().has(Fault.NEVER_ANSWERS)) {
            fleet.stats().pushesMissed.increment();
            meter.logEvent(meter.now(at), EventCode.SCHEDULED_PUSH_FAILED);
            return;
        }
        c.eventLoop().execute(() -> {
            boolean carriesUnacknowledged = meter.awaitsAcknowledgement();
            write(meter, c, PushComposer.scheduled(meter, schedule, at), carriesUnacknowledged ? Sent.SCHEDULED_AGAIN : Sent.SCHEDULED);
        });
    }

    /** After the announcement of a new connection: the unacknowledged scheduled push again, unchanged (R-COL-1). */
    void pushUnacknowledged(SimulatedMeter meter, Instant at) {
        Channel c = meter.connection();
        if (c == null || !c.isActive() || meter.spec().has(Fault.NEVER_ANSWERS)) {
            return;
        }
        c.eventLoop().execute(() -> PushComposer.unacknowledged(meter, at).ifPresent(p -> write(meter, c, p, Sent.AGAIN)));
    }

    /** Pushes events logged since the last push, if any (R-EV-1). */
    void pushPendingEvents(SimulatedMeter meter, Instant at) {
        Channel c = meter.connection();
        if (c == null || !c.isActive() || meter.spec().has(Fault.NEVER_ANSWERS)) {
            return;
        }
        c.eventLoop().execute(() -> PushComposer.events(meter, at).ifPresent(p -> write(meter, c, p, Sent.EVENTS_ONLY)));
    }

    /** What a push is, for the counters and for what the meter records once it has left. */
    private enum Sent { SCHEDULED, SCHEDULED_AGAIN, AGAIN, EVENTS_ONLY }

    private void write(SimulatedMeter meter, Channel c, PushComposer.Push push, Sent kind) {
        c.writeAndFlush(new WrapperFrame(WrapperFrame.LOGICAL_DEVICE, Fleet.PUSH_CLIENT_WPORT, push.apdu())).addListener(done -> {
            FleetStats stats = fleet.stats();
            if (!done.isSuccess()) {
                if (kind == Sent.SCHEDULED || kind == Sent.SCHEDULED_AGAIN) {
                    stats.pushesMissed.increment(); // still unacknowledged: sent again on reconnect
                }
                return;
            }
            switch (kind) {
                case SCHEDULED -> stats.pushesSent.increment();
                case SCHEDULED_AGAIN -> {
                    stats.pushesSent.increment();
                    stats.pushesResent.increment();
                }
                case AGAIN -> stats.pushesResent.increment();
                case EVENTS_ONLY -> {
                    meter.eventsPushed(push.eventsUntilLocal());
                    stats.eventPushesSent.increment();
                }
            }
        });
    }
}
