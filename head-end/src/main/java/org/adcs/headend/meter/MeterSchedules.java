package org.adcs.headend.meter;

import akka.actor.typed.ActorRef;
import akka.persistence.typed.javadsl.EffectFactories;
import akka.persistence.typed.javadsl.ReplyEffect;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.adcs.headend.meter.Meter.*;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;

/**
 * The meter entity's schedule handling (R-SCH-3, R-SCH-5, R-SCH-7, R-MIS-3): what is written to the
 * meter and when, its acknowledgements and refusals, read-back verification and the interval length.
 * Part of {@link Meter}: it decides, the entity persists.
 */
final class MeterSchedules {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  static final String DEFAULT_SCHEDULE = "default";

  private final Meter.Parts meter;
  private final Supplier<EffectFactories<Event, MeterState>> effects;

  MeterSchedules(Meter.Parts meter, Supplier<EffectFactories<Event, MeterState>> effects) {
    this.meter = meter;
    this.effects = effects;
  }

  /** R-SCH-3: each schedule goes to the meter now if it is connected, else at its next contact. */
  void writePendingSchedules(MeterState state) {
    ActorRef<MeterRequests.Request> session = meter.liveSession(state);
    if (session == null) {
      return;
    }
    if (state.defaultSchedule() != null && !state.defaultSchedule().acknowledged()) {
      writeSchedule(session, DEFAULT_SCHEDULE, 0, List.of(state.defaultSchedule().readTime()));
    }
    state.extraSchedules().values().stream().filter(s -> !s.acknowledged())
        .forEach(s -> writeSchedule(session, s.id(), s.slot(), s.dailyTimes()));
  }

  private void writeSchedule(ActorRef<MeterRequests.Request> session, String scheduleId, int slot,
      List<LocalTime> times) {
    meter.context().ask(MeterRequests.Outcome.class, session, REQUEST_TIMEOUT,
        replyTo -> new MeterRequests.WriteSchedule(slot, times, replyTo),
        (outcome, error) -> new ScheduleWritten(scheduleId, error == null ? outcome
            : new MeterRequests.Outcome(false, "no answer from the meter session: " + error.getMessage(), null)));
  }

  ReplyEffect<Event, MeterState> onSetExtra(MeterState state, SetExtraSchedule cmd) {
    ExtraSchedule schedule = cmd.schedule();
    boolean replaces = state.extraSchedules().containsKey(schedule.id());
    if (!replaces && state.extraSchedules().size() >= Meter.MAX_EXTRA_SCHEDULES) {
      return effects.get().reply(cmd.replyTo(), new Rejected("meter " + meter.meterId() + " already holds "
          + Meter.MAX_EXTRA_SCHEDULES + " schedules; cancel one first"));
    }
    int intervalMinutes = state.intervalMinutes();
    if (schedule.frequency().compareTo(Duration.ofMinutes(intervalMinutes)) < 0) {
      return effects.get().reply(cmd.replyTo(), new Rejected("a schedule cannot read more often than the meter's "
          + intervalMinutes + "-minute interval (R-SCH-5)"));
    }
    return effects.get().persist(new ExtraScheduleSet(schedule))
        .thenRun(this::writePendingSchedules)
        .thenReply(cmd.replyTo(), s -> new Accepted(true));
  }

  ReplyEffect<Event, MeterState> onCancelExtra(MeterState state, CancelExtraSchedule cmd) {
    ExtraSchedule cancelled = state.extraSchedules().get(cmd.id());
    if (cancelled == null) {
      return effects.get().reply(cmd.replyTo(), new Rejected("no schedule " + cmd.id()));
    }
    return effects.get().persist(new ExtraScheduleCancelled(cmd.id(), cmd.cancelledBy()))
        .thenRun(s -> {
          ActorRef<MeterRequests.Request> session = meter.liveSession(s);
          if (session != null) { // an empty slot pushes nothing; a slot taken later is overwritten anyway
            writeSchedule(session, "cleared-slot-" + cancelled.slot(), cancelled.slot(), List.of());
          }
          meter.waiting().answerWatchers(cmd.id(), Meter.failed("schedule " + cmd.id() + " was cancelled"));
        })
        .thenReply(cmd.replyTo(), s -> new Accepted(true));
  }

  ReplyEffect<Event, MeterState> onConfirmSchedule(MeterState state, ConfirmSchedule cmd) {
    if (!knows(state, cmd.scheduleId())) {
      return effects.get().reply(cmd.replyTo(), new Rejected("no schedule " + cmd.scheduleId() + " was set"));
    }
    return effects.get().persist(new ScheduleAcknowledged(cmd.scheduleId(), cmd.at()))
        .thenRun(s -> meter.waiting().answerWatchers(cmd.scheduleId(), new MeterRequests.Outcome(true, "acknowledged", cmd.at())))
        .thenReply(cmd.replyTo(), s -> new Accepted(true));
  }

  private static boolean knows(MeterState state, String scheduleId) {
    return scheduleId.equals(DEFAULT_SCHEDULE) ? state.defaultSchedule() != null
        : state.extraSchedules().containsKey(scheduleId);
  }

  private static boolean acknowledged(MeterState state, String scheduleId) {
    return scheduleId.equals(DEFAULT_SCHEDULE) ? state.defaultSchedule().acknowledged()
        : state.extraSchedules().get(scheduleId).acknowledged();
  }

  ReplyEffect<Event, MeterState> onScheduleWritten(MeterState state, ScheduleWritten written) {
    MeterRequests.Outcome outcome = written.outcome();
    Instant at = outcome.at() != null ? outcome.at() : state.lastContact();
    if (!knows(state, written.scheduleId())) {
      if (!outcome.ok()) {
        meter.context().getLog().info("meter {}: {} not written ({})", meter.meterId(), written.scheduleId(), outcome.detail());
      }
      return effects.get().noReply(); // a cleared slot, or a schedule cancelled while its write was out
    }
    if (outcome.ok()) {
      return effects.get().persist(new ScheduleAcknowledged(written.scheduleId(), at))
          .thenRun(s -> meter.waiting().answerWatchers(written.scheduleId(), new MeterRequests.Outcome(true, "acknowledged", at)))
          .thenNoReply();
    }
    meter.context().getLog().warn("meter {}: schedule {} not written ({}); trying again at its next contact", meter.meterId(),
        written.scheduleId(), outcome.detail());
    return effects.get().persist(new ScheduleWriteFailed(written.scheduleId(), outcome.detail(), at))
        .thenRun(s -> meter.waiting().answerWatchers(written.scheduleId(), new MeterRequests.Outcome(false, outcome.detail(), at)))
        .thenNoReply();
  }

  ReplyEffect<Event, MeterState> onAwaitScheduleWrite(MeterState state, AwaitScheduleWrite cmd) {
    if (!knows(state, cmd.scheduleId())) {
      return effects.get().reply(cmd.replyTo(), Meter.failed("no schedule " + cmd.scheduleId() + " was set in meter " + meter.meterId()));
    }
    if (acknowledged(state, cmd.scheduleId())) {
      return effects.get().reply(cmd.replyTo(), new MeterRequests.Outcome(true, "acknowledged", state.lastContact()));
    }
    if (!meter.waiting().watch(cmd.scheduleId(), cmd.replyTo())) {
      return effects.get().reply(cmd.replyTo(), Meter.failed("too many callers wait on meter " + meter.meterId() + "; ask again later"));
    }
    return effects.get().noReply();
  }

  ReplyEffect<Event, MeterState> onVerifySchedule(MeterState state, VerifySchedule cmd) {
    if (!knows(state, cmd.scheduleId())) {
      return effects.get().reply(cmd.replyTo(), Meter.failed("no schedule " + cmd.scheduleId() + " was set in meter " + meter.meterId()));
    }
    ActorRef<MeterRequests.Request> session = meter.liveSession(state);
    if (session == null) {
      return effects.get().reply(cmd.replyTo(), Meter.failed("meter " + meter.meterId() + " is not in contact; verify it when it is"));
    }
    int slot;
    List<LocalTime> recorded;
    if (cmd.scheduleId().equals(DEFAULT_SCHEDULE)) {
      slot = 0;
      recorded = List.of(state.defaultSchedule().readTime());
    } else {
      ExtraSchedule extra = state.extraSchedules().get(cmd.scheduleId());
      slot = extra.slot();
      recorded = extra.dailyTimes();
    }
    meter.context().ask(MeterRequests.ScheduleHeld.class, session, REQUEST_TIMEOUT,
        replyTo -> new MeterRequests.ReadSchedule(slot, replyTo),
        (held, error) -> new ScheduleReadBack(cmd.scheduleId(), recorded, error == null ? held
            : new MeterRequests.ScheduleHeld(false, "no answer from the meter session: " + error.getMessage(), List.of()),
            cmd.replyTo()));
    return effects.get().noReply();
  }

  MeterRequests.Outcome verified(ScheduleReadBack readBack) {
    MeterRequests.ScheduleHeld held = readBack.held();
    if (!held.ok()) {
      return Meter.failed(held.detail());
    }
    if (held.times().equals(readBack.recorded())) {
      return new MeterRequests.Outcome(true, "the meter holds schedule " + readBack.scheduleId() + " as recorded", null);
    }
    meter.context().getLog().warn("meter {}: schedule {} differs in the meter: recorded {}, meter holds {}", meter.meterId(),
        readBack.scheduleId(), readBack.recorded(), held.times());
    return Meter.failed("the meter holds " + held.times() + " for schedule " + readBack.scheduleId() + ", recorded "
        + readBack.recorded());
  }

  ReplyEffect<Event, MeterState> onSetIntervalLength(MeterState state, SetIntervalLength cmd) {
    if (!Meter.INTERVAL_LENGTHS.contains(cmd.minutes())) {
      return effects.get().reply(cmd.replyTo(), Meter.failed("an interval length is one of " + new java.util.TreeSet<>(Meter.INTERVAL_LENGTHS)
          + " minutes, not " + cmd.minutes()));
    }
    Optional<ExtraSchedule> tooOften = state.extraSchedules().values().stream()
        .filter(s -> s.frequency().compareTo(Duration.ofMinutes(cmd.minutes())) < 0).findFirst();
    if (tooOften.isPresent()) {
      return effects.get().reply(cmd.replyTo(), Meter.failed("schedule " + tooOften.get().id() + " reads every "
          + tooOften.get().frequency().toMinutes() + " minutes, more often than " + cmd.minutes() + " (R-SCH-5)"));
    }
    ActorRef<MeterRequests.Request> session = meter.liveSession(state);
    if (session == null) {
      return effects.get().reply(cmd.replyTo(), Meter.failed("meter " + meter.meterId() + " is not in contact; program it when it is"));
    }
    meter.context().ask(MeterRequests.Outcome.class, session, REQUEST_TIMEOUT,
        replyTo -> new MeterRequests.WriteIntervalLength(cmd.minutes(), replyTo),
        (outcome, error) -> new IntervalLengthWritten(cmd.minutes(), cmd.setBy(), error == null ? outcome
            : Meter.failed("no answer from the meter session: " + error.getMessage()), cmd.replyTo()));
    return effects.get().noReply();
  }

  ReplyEffect<Event, MeterState> onIntervalLengthWritten(MeterState state, IntervalLengthWritten written) {
    if (!written.outcome().ok()) {
      meter.context().getLog().warn("meter {}: interval length {} min not programmed ({})", meter.meterId(), written.minutes(),
          written.outcome().detail());
      return effects.get().reply(written.replyTo(), written.outcome());
    }
    Instant at = written.outcome().at() != null ? written.outcome().at() : state.lastContact();
    return effects.get().persist(new IntervalLengthProgrammed(written.minutes(), written.setBy(), at))
        .thenReply(written.replyTo(), s -> written.outcome());
  }

  /** A replaced schedule keeps its slot; a new one takes the lowest free slot (deterministic on replay). */
  static int slotFor(MeterState state, String scheduleId) {
    ExtraSchedule current = state.extraSchedules().get(scheduleId);
    if (current != null && current.slot() > 0) {
      return current.slot();
    }
    Set<Integer> taken = new java.util.HashSet<>();
    state.extraSchedules().values().forEach(s -> taken.add(s.slot()));
    for (int slot = 1; slot <= Meter.MAX_EXTRA_SCHEDULES; slot++) {
      if (!taken.contains(slot)) {
        return slot;
      }
    }
    throw new IllegalStateException("no free schedule slot; SetExtraSchedule checks the count first");
  }

}
