package org.adcs.headend.meter;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.ClockStatus;
import org.adcs.headend.meter.MeterModel.DefaultSchedule;
import org.adcs.headend.meter.MeterModel.Delivery;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterModel.LoggedEvent;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.serialization.CborSerializable;

/**
 * One meter: the single writer of its collection state (ARCHITECTURE.md, "The shape"). Reads like
 * the B1 use case: a meter self-registers, gets a schedule and acknowledges it, its intervals and
 * events are collected (persisted before they are acknowledged to the meter, so nothing acknowledged
 * is lost), its clock is checked, failed reads are recorded.
 */
public final class Meter
    extends EventSourcedBehaviorWithEnforcedReplies<Meter.Command, Meter.Event, MeterState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Meter");
  /** Projections read the journal by these tags, one per slice, in parallel. */
  public static final int TAG_SLICES = 8;
  /** A floor, not a ceiling (R-SCH-5): the meter may hold more. */
  public static final int MAX_EXTRA_SCHEDULES = 8;

  // ---- commands -------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable
      permits Announce, Collect, RecordEvents, AssignDefaultSchedule, SetExtraSchedule, CancelExtraSchedule,
      ConfirmSchedule, CheckClock, ConfirmClockCorrection, RecordReadFailure, GetStatus, ScheduleWritten,
      ReadOnDemand, OnDemandAnswered {}

  /** The meter connected and identified itself (R-SCH-1). */
  public record Announce(Registration registration, Instant at, ActorRef<MeterRequests.Request> session,
      ActorRef<Reply> replyTo) implements Command {}

  /** Intervals and registers arrived; the reply is the go-ahead to acknowledge them to the meter. */
  public record Collect(Delivery delivery, ActorRef<Reply> replyTo) implements Command {}

  public record RecordEvents(List<LoggedEvent> events, Instant receivedAt, ActorRef<Reply> replyTo) implements Command {}

  public record AssignDefaultSchedule(int readGroup, LocalTime readTime, String setBy, ActorRef<Reply> replyTo)
      implements Command {}

  public record SetExtraSchedule(ExtraSchedule schedule, ActorRef<Reply> replyTo) implements Command {}

  public record CancelExtraSchedule(String id, String cancelledBy, ActorRef<Reply> replyTo) implements Command {}

  /** The meter validated, stored and acknowledged a schedule ("default" or an extra schedule's id). */
  public record ConfirmSchedule(String scheduleId, Instant at, ActorRef<Reply> replyTo) implements Command {}

  /** The meter's clock as read, in its standard time, and when it was read (system time, UTC). */
  public record CheckClock(LocalDateTime meterTime, Instant readAt, ActorRef<ClockPolicy.Decision> replyTo)
      implements Command {}

  public record ConfirmClockCorrection(Duration drift, boolean succeeded, String detail, Instant at,
      ActorRef<Reply> replyTo) implements Command {}

  public record RecordReadFailure(String what, String reason, Instant at, ActorRef<Reply> replyTo) implements Command {}

  public record GetStatus(ActorRef<MeterState> replyTo) implements Command {}

  /**
   * R-OD-1, R-OD-2: read the meter now; the answer is stored (source ON_DEMAND) before it is
   * returned. No valid answer within the attempt timeout is logged and tried once more.
   */
  public record ReadOnDemand(String requestedBy, ActorRef<MeterRequests.ReadResult> replyTo) implements Command {}

  /** An on-demand read attempt's answer (internal). */
  record OnDemandAnswered(MeterRequests.ReadResult result, int attempt, String requestedBy,
      ActorRef<MeterRequests.ReadResult> replyTo) implements Command {}

  /** The meter's answer to a schedule write (internal: from the meter session). */
  record ScheduleWritten(String scheduleId, MeterRequests.Outcome outcome) implements Command {}

  // ---- replies ----------------------------------------------------------------------------------

  public sealed interface Reply extends CborSerializable permits Accepted, Rejected {}

  /** @param changed false when the command changed nothing (a duplicate delivery, say) */
  public record Accepted(boolean changed) implements Reply {}

  public record Rejected(String reason) implements Reply {}

  // ---- events -----------------------------------------------------------------------------------

  public sealed interface Event extends CborSerializable
      permits MeterSelfRegistered, MeterContacted, IntervalsCollected, EventsReceived, DefaultScheduleAssigned,
      ExtraScheduleSet, ExtraScheduleCancelled, ScheduleAcknowledged, ClockChecked, ClockCorrected,
      ClockCorrectionFailed, ClockErrorRaised, ReadFailed, ScheduleWriteFailed {}

  public record MeterSelfRegistered(Registration registration, Instant at, ActorRef<MeterRequests.Request> session)
      implements Event {}

  /** @param session where the meter's connection is now, so requests reach it from any node */
  public record MeterContacted(Instant at, ActorRef<MeterRequests.Request> session) implements Event {}

  public record ScheduleWriteFailed(String scheduleId, String reason, Instant at) implements Event {}

  public record IntervalsCollected(Delivery delivery) implements Event {}

  public record EventsReceived(List<LoggedEvent> events, Instant receivedAt) implements Event {}

  public record DefaultScheduleAssigned(int readGroup, LocalTime readTime, String setBy) implements Event {}

  public record ExtraScheduleSet(ExtraSchedule schedule) implements Event {}

  public record ExtraScheduleCancelled(String id, String cancelledBy) implements Event {}

  public record ScheduleAcknowledged(String scheduleId, Instant at) implements Event {}

  public record ClockChecked(Duration drift, Instant at) implements Event {}

  public record ClockCorrected(Duration drift, Instant at) implements Event {}

  public record ClockCorrectionFailed(Duration drift, String detail, Instant at) implements Event {}

  public record ClockErrorRaised(Duration drift, Instant at) implements Event {}

  public record ReadFailed(String what, String reason, Instant at) implements Event {}

  // ---- behaviour --------------------------------------------------------------------------------

  private static final java.time.Duration REQUEST_TIMEOUT = java.time.Duration.ofSeconds(60);
  private final Duration attemptTimeout;

  private final ActorContext<Command> context;
  private final String meterId;
  private final ClockPolicy clockPolicy;
  private final ZoneOffset standardTime;

  /**
   * @param standardTime the meters' standard-time offset (no daylight saving, R-COL-6); time comes
   *                     with the commands, so the entity itself never reads a clock
   */
  public static Behavior<Command> create(String meterId, ClockPolicy clockPolicy, ZoneOffset standardTime) {
    return create(meterId, clockPolicy, standardTime, Duration.ofMinutes(4));
  }

  /** @param attemptTimeout how long one on-demand read attempt may take (R-OD-2: 4 minutes by default) */
  public static Behavior<Command> create(String meterId, ClockPolicy clockPolicy, ZoneOffset standardTime,
      Duration attemptTimeout) {
    return Behaviors.setup(context -> new Meter(context, meterId, clockPolicy, standardTime, attemptTimeout));
  }

  private Meter(ActorContext<Command> context, String meterId, ClockPolicy clockPolicy, ZoneOffset standardTime,
      Duration attemptTimeout) {
    super(PersistenceId.of(TYPE_KEY.name(), meterId));
    this.context = context;
    this.attemptTimeout = attemptTimeout;
    this.meterId = meterId;
    this.clockPolicy = clockPolicy;
    this.standardTime = standardTime;
  }

  public static String tagFor(String meterId) {
    return "meter-" + Math.floorMod(meterId.hashCode(), TAG_SLICES);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(tagFor(meterId));
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    // Short recovery; events stay in the journal until the store has them (see the bridge).
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public MeterState emptyState() {
    return MeterState.unregistered();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, MeterState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forState(state -> !state.registered())
        .onCommand(Announce.class, (state, cmd) -> Effect()
            .persist(new MeterSelfRegistered(cmd.registration(), cmd.at(), cmd.session()))
            .thenReply(cmd.replyTo(), s -> new Accepted(true)))
        .onCommand(GetStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
        .onCommand(ScheduleWritten.class, (state, cmd) -> Effect().noReply())
        .onCommand(ReadOnDemand.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            MeterRequests.ReadResult.failed("meter " + meterId + " is not registered", null)))
        .onCommand(OnDemandAnswered.class, (state, cmd) -> Effect().noReply())
        .onCommand(CheckClock.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            clockPolicy.decide(cmd.meterTime(), LocalDateTime.ofInstant(cmd.readAt(), standardTime))))
        .onAnyCommand(cmd -> Effect().reply(replyTo(cmd), new Rejected("meter " + meterId + " is not registered")));
    builder.forState(MeterState::registered)
        .onCommand(Announce.class, this::onAnnounce)
        .onCommand(Collect.class, this::onCollect)
        .onCommand(RecordEvents.class, this::onEvents)
        .onCommand(AssignDefaultSchedule.class, (state, cmd) -> Effect()
            .persist(new DefaultScheduleAssigned(cmd.readGroup(), cmd.readTime(), cmd.setBy()))
            .thenRun(this::writeDefaultScheduleIfPending)
            .thenReply(cmd.replyTo(), s -> new Accepted(true)))
        .onCommand(ScheduleWritten.class, this::onScheduleWritten)
        .onCommand(ReadOnDemand.class, this::onReadOnDemand)
        .onCommand(OnDemandAnswered.class, this::onOnDemandAnswered)
        .onCommand(SetExtraSchedule.class, this::onSetExtra)
        .onCommand(CancelExtraSchedule.class, (state, cmd) -> state.extraSchedules().containsKey(cmd.id())
            ? Effect().persist(new ExtraScheduleCancelled(cmd.id(), cmd.cancelledBy()))
                .thenReply(cmd.replyTo(), s -> new Accepted(true))
            : Effect().reply(cmd.replyTo(), new Rejected("no schedule " + cmd.id())))
        .onCommand(ConfirmSchedule.class, this::onConfirmSchedule)
        .onCommand(CheckClock.class, this::onCheckClock)
        .onCommand(ConfirmClockCorrection.class, (state, cmd) -> Effect()
            .persist(cmd.succeeded() ? new ClockCorrected(cmd.drift(), cmd.at())
                : new ClockCorrectionFailed(cmd.drift(), cmd.detail(), cmd.at()))
            .thenReply(cmd.replyTo(), s -> new Accepted(true)))
        .onCommand(RecordReadFailure.class, (state, cmd) -> Effect()
            .persist(new ReadFailed(cmd.what(), cmd.reason(), cmd.at()))
            .thenReply(cmd.replyTo(), s -> new Accepted(true)))
        .onCommand(GetStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state));
    return builder.build();
  }

  private ReplyEffect<Event, MeterState> onAnnounce(MeterState state, Announce cmd) {
    if (!state.registration().logicalDeviceName().equals(cmd.registration().logicalDeviceName())) {
      return Effect().reply(cmd.replyTo(), new Rejected("meter " + meterId + " is registered as "
          + state.registration().logicalDeviceName() + ", not " + cmd.registration().logicalDeviceName()));
    }
    return Effect().persist(new MeterContacted(cmd.at(), cmd.session()))
        .thenRun(this::writeDefaultScheduleIfPending)
        .thenReply(cmd.replyTo(), s -> new Accepted(false));
  }

  /** R-SCH-3: the schedule goes to the meter now if it is connected, else at its next contact. */
  private void writeDefaultScheduleIfPending(MeterState state) {
    if (state.defaultSchedule() == null || state.defaultSchedule().acknowledged() || state.session() == null) {
      return;
    }
    context.ask(MeterRequests.Outcome.class, state.session(), REQUEST_TIMEOUT,
        replyTo -> new MeterRequests.WriteDailyReadTime(state.defaultSchedule().readTime(), replyTo),
        (outcome, error) -> new ScheduleWritten("default", error == null ? outcome
            : new MeterRequests.Outcome(false, "no answer from the meter session: " + error.getMessage(), null)));
  }

  private ReplyEffect<Event, MeterState> onReadOnDemand(MeterState state, ReadOnDemand cmd) {
    if (state.session() == null) {
      return Effect().reply(cmd.replyTo(), MeterRequests.ReadResult.failed("meter " + meterId
          + " has not been in contact; it is read once it connects", null));
    }
    askForRead(state, 1, cmd.requestedBy(), cmd.replyTo());
    return Effect().noReply();
  }

  private void askForRead(MeterState state, int attempt, String requestedBy, ActorRef<MeterRequests.ReadResult> replyTo) {
    context.ask(MeterRequests.ReadResult.class, state.session(), attemptTimeout, MeterRequests.ReadNow::new,
        (result, error) -> new OnDemandAnswered(error == null ? result : MeterRequests.ReadResult.failed(
            "no valid answer within " + attemptTimeout.toSeconds() + " s", null), attempt, requestedBy, replyTo));
  }

  private ReplyEffect<Event, MeterState> onOnDemandAnswered(MeterState state, OnDemandAnswered answered) {
    MeterRequests.ReadResult result = answered.result();
    if (result.ok()) {
      List<Event> events = new java.util.ArrayList<>();
      if (result.intervals() != null && !result.intervals().days().isEmpty()) {
        events.add(new IntervalsCollected(result.intervals()));
      }
      List<LoggedEvent> fresh = result.events().stream().filter(e -> e.sequence() > state.lastEventSequence()).toList();
      if (!fresh.isEmpty()) {
        events.add(new EventsReceived(fresh, result.at()));
      }
      context.getLog().info("meter {}: on-demand read for {} completed (attempt {})", meterId, answered.requestedBy(),
          answered.attempt());
      return Effect().persist(events).thenReply(answered.replyTo(), s -> result);
    }
    Instant at = result.at() != null ? result.at() : state.lastContact();
    ReadFailed failed = new ReadFailed("on-demand read attempt " + answered.attempt(), result.detail(), at);
    if (answered.attempt() == 1) {
      context.getLog().warn("meter {}: on-demand read attempt 1 failed ({}); trying once more", meterId, result.detail());
      return Effect().persist(failed)
          .thenRun(s -> askForRead(s, 2, answered.requestedBy(), answered.replyTo()))
          .thenNoReply();
    }
    context.getLog().error("operator: on-demand read of meter {} ({}) for {} failed twice ({}); check the meter and"
        + " its communications", meterId, state.registration().logicalDeviceName(), answered.requestedBy(), result.detail());
    return Effect().persist(failed).thenReply(answered.replyTo(), s -> result);
  }

  private ReplyEffect<Event, MeterState> onScheduleWritten(MeterState state, ScheduleWritten written) {
    MeterRequests.Outcome outcome = written.outcome();
    Instant at = outcome.at() != null ? outcome.at() : state.lastContact();
    if (outcome.ok()) {
      return Effect().persist(new ScheduleAcknowledged(written.scheduleId(), at)).thenNoReply();
    }
    context.getLog().warn("meter {}: schedule {} not written ({}); trying again at its next contact", meterId,
        written.scheduleId(), outcome.detail());
    return Effect().persist(new ScheduleWriteFailed(written.scheduleId(), outcome.detail(), at)).thenNoReply();
  }

  /** Persist first, acknowledge after: a delivery already held in full changes nothing (R-COL-1). */
  private ReplyEffect<Event, MeterState> onCollect(MeterState state, Collect cmd) {
    boolean allHeld = !cmd.delivery().days().isEmpty() && cmd.delivery().days().stream()
        .allMatch(d -> state.collected().holdsAll(d.channel(), d.day(), d.presentIntervals()));
    if (allHeld) {
      return Effect().reply(cmd.replyTo(), new Accepted(false));
    }
    return Effect().persist(new IntervalsCollected(cmd.delivery())).thenReply(cmd.replyTo(), s -> new Accepted(true));
  }

  private ReplyEffect<Event, MeterState> onEvents(MeterState state, RecordEvents cmd) {
    List<LoggedEvent> fresh = cmd.events().stream().filter(e -> e.sequence() > state.lastEventSequence()).toList();
    if (fresh.isEmpty()) {
      return Effect().reply(cmd.replyTo(), new Accepted(false));
    }
    return Effect().persist(new EventsReceived(fresh, cmd.receivedAt())).thenReply(cmd.replyTo(), s -> new Accepted(true));
  }

  private ReplyEffect<Event, MeterState> onSetExtra(MeterState state, SetExtraSchedule cmd) {
    ExtraSchedule schedule = cmd.schedule();
    boolean replaces = state.extraSchedules().containsKey(schedule.id());
    if (!replaces && state.extraSchedules().size() >= MAX_EXTRA_SCHEDULES) {
      return Effect().reply(cmd.replyTo(), new Rejected("meter " + meterId + " already holds "
          + MAX_EXTRA_SCHEDULES + " schedules; cancel one first"));
    }
    int intervalMinutes = state.intervalMinutes();
    if (schedule.frequency().compareTo(Duration.ofMinutes(intervalMinutes)) < 0) {
      return Effect().reply(cmd.replyTo(), new Rejected("a schedule cannot read more often than the meter's "
          + intervalMinutes + "-minute interval (R-SCH-5)"));
    }
    return Effect().persist(new ExtraScheduleSet(schedule)).thenReply(cmd.replyTo(), s -> new Accepted(true));
  }

  private ReplyEffect<Event, MeterState> onConfirmSchedule(MeterState state, ConfirmSchedule cmd) {
    boolean known = cmd.scheduleId().equals("default") ? state.defaultSchedule() != null
        : state.extraSchedules().containsKey(cmd.scheduleId());
    if (!known) {
      return Effect().reply(cmd.replyTo(), new Rejected("no schedule " + cmd.scheduleId() + " was set"));
    }
    return Effect().persist(new ScheduleAcknowledged(cmd.scheduleId(), cmd.at()))
        .thenReply(cmd.replyTo(), s -> new Accepted(true));
  }

  private ReplyEffect<Event, MeterState> onCheckClock(MeterState state, CheckClock cmd) {
    ClockPolicy.Decision decision = clockPolicy.decide(cmd.meterTime(), LocalDateTime.ofInstant(cmd.readAt(), standardTime));
    Event event = decision instanceof ClockPolicy.RaiseClockEvent raise
        ? new ClockErrorRaised(raise.drift(), cmd.readAt())
        : new ClockChecked(drift(decision), cmd.readAt());
    return Effect().persist(event).thenReply(cmd.replyTo(), s -> decision);
  }

  private static Duration drift(ClockPolicy.Decision decision) {
    if (decision instanceof ClockPolicy.InTolerance d) {
      return d.drift();
    } else if (decision instanceof ClockPolicy.Correct d) {
      return d.drift();
    } else if (decision instanceof ClockPolicy.CorrectLater d) {
      return d.drift();
    }
    return ((ClockPolicy.RaiseClockEvent) decision).drift();
  }

  private static ActorRef<Reply> replyTo(Command command) {
    if (command instanceof Announce c) {
      return c.replyTo();
    } else if (command instanceof Collect c) {
      return c.replyTo();
    } else if (command instanceof RecordEvents c) {
      return c.replyTo();
    } else if (command instanceof AssignDefaultSchedule c) {
      return c.replyTo();
    } else if (command instanceof SetExtraSchedule c) {
      return c.replyTo();
    } else if (command instanceof CancelExtraSchedule c) {
      return c.replyTo();
    } else if (command instanceof ConfirmSchedule c) {
      return c.replyTo();
    } else if (command instanceof ConfirmClockCorrection c) {
      return c.replyTo();
    } else if (command instanceof RecordReadFailure c) {
      return c.replyTo();
    }
    throw new IllegalStateException("no Reply for " + command.getClass().getSimpleName());
  }

  @Override
  public EventHandler<MeterState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(MeterSelfRegistered.class, (state, e) -> state.withRegistration(e.registration(), e.at())
            .withSession(e.session()))
        .onEvent(MeterContacted.class, (state, e) -> state.withContact(e.at()).withSession(e.session()))
        .onEvent(ScheduleWriteFailed.class, (state, e) -> state)
        .onEvent(IntervalsCollected.class, (state, e) -> collect(state, e.delivery()))
        .onEvent(EventsReceived.class, (state, e) -> state.withLastEventSequence(
            e.events().stream().mapToLong(LoggedEvent::sequence).max().orElse(state.lastEventSequence())))
        .onEvent(DefaultScheduleAssigned.class, (state, e) ->
            state.withDefaultSchedule(new DefaultSchedule(e.readGroup(), e.readTime(), e.setBy(), false)))
        .onEvent(ExtraScheduleSet.class, (state, e) -> state.withExtraSchedule(e.schedule()))
        .onEvent(ExtraScheduleCancelled.class, (state, e) -> state.withoutExtraSchedule(e.id()))
        .onEvent(ScheduleAcknowledged.class, (state, e) -> e.scheduleId().equals("default")
            ? state.withDefaultSchedule(new DefaultSchedule(state.defaultSchedule().readGroup(),
                state.defaultSchedule().readTime(), state.defaultSchedule().setBy(), true))
            : state.withExtraSchedule(state.extraSchedules().get(e.scheduleId()).acknowledgedNow()))
        .onEvent(ClockChecked.class, (state, e) -> state.withClock(new ClockStatus(e.at(), e.drift(), false)))
        .onEvent(ClockCorrected.class, (state, e) -> state.withClock(new ClockStatus(e.at(), Duration.ZERO, false)))
        .onEvent(ClockCorrectionFailed.class, (state, e) -> state.withClock(new ClockStatus(e.at(), e.drift(), true)))
        .onEvent(ClockErrorRaised.class, (state, e) -> state.withClock(new ClockStatus(e.at(), e.drift(), true)))
        .onEvent(ReadFailed.class, (state, e) -> state.withReadFailure())
        .build();
  }

  /** Deterministic on replay: the window slides by the delivery's own time, never the current clock. */
  private MeterState collect(MeterState state, Delivery delivery) {
    CollectedIntervals collected = state.collected();
    LocalDate received = LocalDate.ofInstant(delivery.receivedAt(), standardTime);
    int intervalMinutes = state.intervalMinutes();
    for (ChannelDay day : delivery.days()) {
      collected = collected.with(day.channel(), day.day(), day.presentIntervals(), received);
      intervalMinutes = day.intervalMinutes();
    }
    return state.withCollected(collected, delivery.receivedAt()).withIntervalMinutes(intervalMinutes);
  }
}
