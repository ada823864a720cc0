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
    long lastEventSequence,
    ClockStatus clock,
    int readFailures,
    int intervalMinutes,
    ActorRef<MeterRequests.Request> session) implements CborSerializable {

  public static final int UNSCHEDULED = -1;

  public MeterState {
    extraSchedules = Map.copyOf(extraSchedules);
  }

  static MeterState unregistered() {
    return new MeterState(null, UNSCHEDULED, null, Map.of(), CollectedIntervals.empty(), null, -1, ClockStatus.UNKNOWN, 0,
        15, null);
  }

  public boolean registered() {
    return registration != null;
  }

  MeterState withRegistration(Registration r, Instant at) {
    return new MeterState(r, UNSCHEDULED, defaultSchedule, extraSchedules, collected, at, lastEventSequence, clock,
        readFailures, intervalMinutes, session);
  }

  MeterState withContact(Instant at) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, at, lastEventSequence,
        clock, readFailures, intervalMinutes, session);
  }

  MeterState withDefaultSchedule(DefaultSchedule schedule) {
    return new MeterState(registration, schedule.readGroup(), schedule, extraSchedules, collected, lastContact,
        lastEventSequence, clock, readFailures, intervalMinutes, session);
  }

  MeterState withExtraSchedule(ExtraSchedule schedule) {
    Map<String, ExtraSchedule> next = new TreeMap<>(extraSchedules);
    next.put(schedule.id(), schedule);
    return new MeterState(registration, readGroup, defaultSchedule, next, collected, lastContact, lastEventSequence,
        clock, readFailures, intervalMinutes, session);
  }

  MeterState withoutExtraSchedule(String id) {
    Map<String, ExtraSchedule> next = new TreeMap<>(extraSchedules);
    next.remove(id);
    return new MeterState(registration, readGroup, defaultSchedule, next, collected, lastContact, lastEventSequence,
        clock, readFailures, intervalMinutes, session);
  }

  MeterState withCollected(CollectedIntervals c, Instant at) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, c, at, lastEventSequence, clock,
        0, intervalMinutes, session);
  }

  MeterState withLastEventSequence(long sequence) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        Math.max(sequence, lastEventSequence), clock, readFailures, intervalMinutes, session);
  }

  MeterState withClock(ClockStatus status) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        lastEventSequence, status, readFailures, intervalMinutes, session);
  }

  MeterState withReadFailure() {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        lastEventSequence, clock, readFailures + 1, intervalMinutes, session);
  }

  /** The interval length the meter last delivered with (remotely programmable, R-SCH-7). */
  MeterState withIntervalMinutes(int minutes) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        lastEventSequence, clock, readFailures, minutes, session);
  }

  /** Where the meter's live connection is (its session actor), as of its last contact. */
  MeterState withSession(ActorRef<MeterRequests.Request> where) {
    return new MeterState(registration, readGroup, defaultSchedule, extraSchedules, collected, lastContact,
        lastEventSequence, clock, readFailures, intervalMinutes, where);
  }

  /** Intervals held for a channel's day, for status queries. */
  public int intervalsHeld(String channel, LocalDate day) {
    return collected.count(channel, day);
  }
}
