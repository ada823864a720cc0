package org.adcs.headend.meter;

import akka.actor.typed.ActorRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.adcs.headend.meter.MeterModel.ClockStatus;
import org.adcs.headend.meter.MeterModel.DefaultSchedule;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.serialization.CborSerializable;

/**
 * Everything the head-end knows about one meter's collection: the single source of truth, changed
 * only by the meter entity's events.
 *
 * @param readGroup {@link #UNSCHEDULED} until the scheduler places the meter (R-SCH-1, R-SCH-2)
 */
public record MeterState(
    Registration registration,
    int readGroup,
    DefaultSchedule defaultSchedule,
    Map<String, ExtraSchedule> extraSchedules,
    CollectedIntervals collected,
    Instant lastContact,
    RecentEvents recentEvents,
    ClockStatus clock,
    int readFailures,
    int intervalMinutes,
    ActorRef<MeterRequests.Request> session) implements CborSerializable {

  public static final int UNSCHEDULED = -1;

  public MeterState {
    extraSchedules = Map.copyOf(extraSchedules);
    recentEvents = recentEvents == null ? RecentEvents.NONE : recentEvents;
  }

  static MeterState unregistered() {
    return new MeterState(null, UNSCHEDULED, null, Map.of(), CollectedIntervals.empty(), null, RecentEvents.NONE, ClockStatus.UNKNOWN, 0,
        15, null);
  }

  public boolean registered() {
    return registration != null;
  }

  MeterState withRegistration(Registration r, Instant at) {
    return new MeterState(r, UNSCHEDULED, defaultSchedule, extraSchedules, collected, at, recentEvents, clock,
        readFailures, intervalMinutes, session);
  }

  MeterState withContact(Instant at) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, at, recentEvents,
        clock, readFailures, intervalMinutes, session);
  }

  MeterState withDefaultSchedule(DefaultSchedule schedule) {
    return new MeterState(registration, schedule.readGroup(), schedule, extraSchedules, collected, lastContact,
        recentEvents, clock, readFailures, intervalMinutes, session);
  }

  MeterState withExtraSchedule(ExtraSchedule schedule) {
    Map<String, ExtraSchedule> next = new TreeMap<>(extraSchedules);
    next.put(schedule.id(), schedule);
    return new MeterState(registration, readGroup, defaultSchedule, next, collected, lastContact, recentEvents,
        clock, readFailures, intervalMinutes, session);
  }

  MeterState withoutExtraSchedule(String id) {
    Map<String, ExtraSchedule> next = new TreeMap<>(extraSchedules);
    next.remove(id);
    return new MeterState(registration, readGroup, defaultSchedule, next, collected, lastContact, recentEvents,
        clock, readFailures, intervalMinutes, session);
  }

  MeterState withCollected(CollectedIntervals c, Instant at) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, c, at, recentEvents, clock,
        0, intervalMinutes, session);
  }

  MeterState withEvents(java.util.List<MeterModel.LoggedEvent> events) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        recentEvents.with(events), clock, readFailures, intervalMinutes, session);
  }

  /** The newest event received from the meter, by sequence; -1 before the first. */
  public long lastEventSequence() {
    return recentEvents.newest();
  }

  MeterState withClock(ClockStatus status) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        recentEvents, status, readFailures, intervalMinutes, session);
  }

  MeterState withReadFailure() {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        recentEvents, clock, readFailures + 1, intervalMinutes, session);
  }

  /** The interval length the meter last delivered with (remotely programmable, R-SCH-7). */
  MeterState withIntervalMinutes(int minutes) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        recentEvents, clock, readFailures, minutes, session);
  }

  /** Where the meter's live connection is (its session actor), as of its last contact. */
  MeterState withSession(ActorRef<MeterRequests.Request> where) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        recentEvents, clock, readFailures, intervalMinutes, where);
  }

  /** Intervals held for a channel's day, for status queries. */
  public int intervalsHeld(String channel, LocalDate day) {
    return collected.count(channel, day);
  }
}
