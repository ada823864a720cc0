package org.adcs.headend.meter;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
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
import org.adcs.headend.meter.MeterModel.Source;
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
  /** The meter's schedule objects besides the default one (R-SCH-5: at least 4); slots 1..4. */
  public static final int MAX_EXTRA_SCHEDULES = 4;
  /** Recording intervals a meter can be programmed to (minutes; divisors of an hour). */
  public static final Set<Integer> INTERVAL_LENGTHS = Set.of(1, 5, 10, 15, 30, 60);

  // ---- commands -------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable
      permits Announce, Collect, RecordEvents, AssignDefaultSchedule, SetExtraSchedule, CancelExtraSchedule,
      ConfirmSchedule, CheckClock, ConfirmClockCorrection, RecordReadFailure, GetStatus, ReadRange,
      AwaitScheduleWrite, VerifySchedule, SetIntervalLength, ScheduleWritten, ReadAnswered, ScheduleReadBack,
      IntervalLengthWritten, ParkedReadExpired, RetryDue {}

  /** Commands answered with a {@link Reply}; an unregistered meter answers them all with {@link Rejected}. */
  interface RepliesWithReply {
    ActorRef<Reply> replyTo();
  }

  /** The meter connected and identified itself (R-SCH-1). */
  public record Announce(Registration registration, Instant at, ActorRef<MeterRequests.Request> session,
      ActorRef<Reply> replyTo) implements Command, RepliesWithReply {}

  /**
   * Intervals and registers arrived, with the events the same push carried; the reply is the
   * go-ahead to acknowledge the push to the meter. What is new is persisted in one atomic write.
   */
  public record Collect(Delivery delivery, List<LoggedEvent> events, ActorRef<Reply> replyTo)
      implements Command, RepliesWithReply {

    public Collect {
      events = List.copyOf(events);
    }

    /** A delivery without events (a read, a field download). */
    public Collect(Delivery delivery, ActorRef<Reply> replyTo) {
      this(delivery, List.of(), replyTo);
    }
  }

  public record RecordEvents(List<LoggedEvent> events, Instant receivedAt, ActorRef<Reply> replyTo)
      implements Command, RepliesWithReply {}

  /** R-SCH-2, R-SCH-3: recorded at once, written to the meter now or at its next contact. */
  public record AssignDefaultSchedule(int readGroup, LocalTime readTime, String setBy, ActorRef<Reply> replyTo)
      implements Command, RepliesWithReply {}

  /** R-SCH-5: recorded at once (in a free schedule slot of the meter), written now or at the next contact. */
  public record SetExtraSchedule(ExtraSchedule schedule, ActorRef<Reply> replyTo) implements Command, RepliesWithReply {}

  public record CancelExtraSchedule(String id, String cancelledBy, ActorRef<Reply> replyTo)
      implements Command, RepliesWithReply {}

  /** The meter validated, stored and acknowledged a schedule ("default" or an extra schedule's id). */
  public record ConfirmSchedule(String scheduleId, Instant at, ActorRef<Reply> replyTo)
      implements Command, RepliesWithReply {}

  /** The meter's clock as read, in its standard time, and when it was read (system time, UTC). */
  public record CheckClock(LocalDateTime meterTime, Instant readAt, ActorRef<ClockPolicy.Decision> replyTo)
      implements Command {}

  public record ConfirmClockCorrection(Duration drift, boolean succeeded, String detail, Instant at,
      ActorRef<Reply> replyTo) implements Command, RepliesWithReply {}

  public record RecordReadFailure(String what, String reason, Instant at, ActorRef<Reply> replyTo)
      implements Command, RepliesWithReply {}

  public record GetStatus(ActorRef<MeterState> replyTo) implements Command {}

  /**
   * R-OD-1, R-OD-2, R-MIS-1: read the intervals ending in {@code (from, to]} with registers and events
   * ({@code from}/{@code to} null: since the meter's midnight / until its now); the answer is stored
   * with {@code source} before it is returned. A meter not in contact is dialled when it listens, and
   * the read waits for it within the attempt timeout; no valid answer is logged and tried once more.
   */
  public record ReadRange(Instant from, Instant to, Source source, String requestedBy,
      ActorRef<MeterRequests.ReadResult> replyTo) implements Command {

    public ReadRange {
      java.util.Objects.requireNonNull(source, "source");
      if (from != null && to != null && !to.isAfter(from)) {
        throw new IllegalArgumentException("a read range ends after it starts: " + from + " .. " + to);
      }
    }

    /** The on-demand read of R-OD-1: everything since the meter's midnight. */
    public static ReadRange onDemand(String requestedBy, ActorRef<MeterRequests.ReadResult> replyTo) {
      return new ReadRange(null, null, Source.ON_DEMAND, requestedBy, replyTo);
    }
  }

  /**
   * Answers once the meter acknowledged (ok) or refused (not ok) the latest write of a schedule
   * ("default" or an extra schedule's id); at once when it is already acknowledged (R-SCH-3).
   */
  public record AwaitScheduleWrite(String scheduleId, ActorRef<MeterRequests.Outcome> replyTo) implements Command {}

  /** R-MIS-3: reads the schedule back from the meter; ok when it holds exactly what was recorded. */
  public record VerifySchedule(String scheduleId, ActorRef<MeterRequests.Outcome> replyTo) implements Command {}

  /** R-SCH-7: programs the meter's recording interval; recorded once the meter acknowledged it. */
  public record SetIntervalLength(int minutes, String setBy, ActorRef<MeterRequests.Outcome> replyTo)
      implements Command {}

  /** The meter's answer to a schedule write (internal: from the meter session). */
  record ScheduleWritten(String scheduleId, MeterRequests.Outcome outcome) implements Command {}

  /** A read attempt's answer (internal). */
  record ReadAnswered(MeterRequests.ReadResult result, int attempt, ReadRange request) implements Command {}

  /** A schedule as the meter holds it, for a verification (internal). */
  record ScheduleReadBack(String scheduleId, List<LocalTime> recorded, MeterRequests.ScheduleHeld held,
      ActorRef<MeterRequests.Outcome> replyTo) implements Command {}

  /** The meter's answer to an interval-length write (internal). */
  record IntervalLengthWritten(int minutes, String setBy, MeterRequests.Outcome outcome,
      ActorRef<MeterRequests.Outcome> replyTo) implements Command {}

  /** A parked read waited its whole timeout for the meter (internal). */
  record ParkedReadExpired(long id) implements Command {}

  /** A failed read's second attempt is due (internal): over the session if the meter is still in contact. */
  record RetryDue(long id) implements Command {}

  // ---- replies ----------------------------------------------------------------------------------

  public sealed interface Reply extends CborSerializable permits Accepted, Rejected {}

  /** @param changed false when the command changed nothing (a duplicate delivery, say) */
  public record Accepted(boolean changed) implements Reply {}

  public record Rejected(String reason) implements Reply {}

  // ---- events -----------------------------------------------------------------------------------

  public sealed interface Event extends CborSerializable
      permits MeterSelfRegistered, MeterContacted, IntervalsCollected, EventsReceived, DefaultScheduleAssigned,
      ExtraScheduleSet, ExtraScheduleCancelled, ScheduleAcknowledged, ClockChecked, ClockCorrected,
      ClockCorrectionFailed, ClockErrorRaised, ReadFailed, ScheduleWriteFailed, IntervalLengthProgrammed {}

  public record MeterSelfRegistered(Registration registration, Instant at, ActorRef<MeterRequests.Request> session)
      implements Event {}

  /** @param session where the meter's connection is now, so requests reach it from any node */
  public record MeterContacted(Instant at, ActorRef<MeterRequests.Request> session) implements Event {}

  public record ScheduleWriteFailed(String scheduleId, String reason, Instant at) implements Event {}

  public record IntervalsCollected(Delivery delivery) implements Event {}

  /** @param source how the events arrived (R-COL-4); events written before it was kept came with pushes */
  public record EventsReceived(List<LoggedEvent> events, Instant receivedAt, Source source) implements Event {
    public EventsReceived {
      source = source == null ? Source.SCHEDULED : source;
    }

    public EventsReceived(List<LoggedEvent> events, Instant receivedAt) {
      this(events, receivedAt, Source.SCHEDULED);
    }
  }

  public record DefaultScheduleAssigned(int readGroup, LocalTime readTime, String setBy) implements Event {}

  public record ExtraScheduleSet(ExtraSchedule schedule) implements Event {}

  public record ExtraScheduleCancelled(String id, String cancelledBy) implements Event {}

  public record ScheduleAcknowledged(String scheduleId, Instant at) implements Event {}

  public record ClockChecked(Duration drift, Instant at) implements Event {}

  public record ClockCorrected(Duration drift, Instant at) implements Event {}

  public record ClockCorrectionFailed(Duration drift, String detail, Instant at) implements Event {}

  public record ClockErrorRaised(Duration drift, Instant at) implements Event {}

  public record ReadFailed(String what, String reason, Instant at) implements Event {}

  public record IntervalLengthProgrammed(int minutes, String setBy, Instant at) implements Event {}

  // ---- behaviour --------------------------------------------------------------------------------

  private static final String DEFAULT_SCHEDULE = MeterSchedules.DEFAULT_SCHEDULE;

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final String meterId;
  private final ClockPolicy clockPolicy;
  private final ZoneOffset standardTime;
  private final Duration attemptTimeout;
  private final MeterDialler dialler;
  private final WaitingRequests waiting = new WaitingRequests();
  private final MeterSchedules schedules;
  private final MeterReads reads;
  /** The session actor recorded in the state has stopped (its connection closed); not persisted. */
  private ActorRef<MeterRequests.Request> lostSession;

  /**
   * @param standardTime the meters' standard-time offset (no daylight saving, R-COL-6); time comes
   *                     with the commands, so the entity itself never reads a clock
   */
  public static Behavior<Command> create(String meterId, ClockPolicy clockPolicy, ZoneOffset standardTime) {
    return create(meterId, clockPolicy, standardTime, Duration.ofMinutes(4), MeterDialler.NONE);
  }

  /**
   * @param attemptTimeout how long one read attempt may take, and how long a read waits for a meter
   *                       that is not in contact (R-OD-2: 4 minutes by default)
   */
  public static Behavior<Command> create(String meterId, ClockPolicy clockPolicy, ZoneOffset standardTime,
      Duration attemptTimeout, MeterDialler dialler) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new Meter(context, timers, meterId, clockPolicy, standardTime, attemptTimeout, dialler)));
  }

  private Meter(ActorContext<Command> context, TimerScheduler<Command> timers, String meterId, ClockPolicy clockPolicy,
      ZoneOffset standardTime, Duration attemptTimeout, MeterDialler dialler) {
    super(PersistenceId.of(TYPE_KEY.name(), meterId));
    this.context = context;
    this.timers = timers;
    this.meterId = meterId;
    this.clockPolicy = clockPolicy;
    this.standardTime = standardTime;
    this.attemptTimeout = attemptTimeout;
    this.dialler = dialler;
    Parts parts = new Parts(this);
    this.schedules = new MeterSchedules(parts, this::Effect);
    this.reads = new MeterReads(parts, this::Effect);
  }

  /** What the entity's handler parts share with it (one entity, one actor: no locking needed). */
  static final class Parts {
    private final Meter meter;

    private Parts(Meter meter) {
      this.meter = meter;
    }

    ActorContext<Command> context() {
      return meter.context;
    }

    TimerScheduler<Command> timers() {
      return meter.timers;
    }

    String meterId() {
      return meter.meterId;
    }

    Duration attemptTimeout() {
      return meter.attemptTimeout;
    }

    MeterDialler dialler() {
      return meter.dialler;
    }

    WaitingRequests waiting() {
      return meter.waiting;
    }

    ActorRef<MeterRequests.Request> liveSession(MeterState state) {
      return meter.liveSession(state);
    }
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
    // Short recovery; delivered events are removed later by the journal retention (JournalRetention).
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public MeterState emptyState() {
    return MeterState.unregistered();
  }

  @Override
  public SignalHandler<MeterState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> watchSession(state.session()))
        .onSignal(Terminated.class, (state, terminated) -> {
          if (terminated.getRef().equals(state.session())) {
            lostSession = state.session(); // the connection closed: reads wait for the next one
          }
        })
        .build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, MeterState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forState(state -> !state.registered())
        .onCommand(Announce.class, (state, cmd) -> Effect()
            .persist(new MeterSelfRegistered(cmd.registration(), cmd.at(), cmd.session()))
            .thenRun(this::onContact)
            .thenReply(cmd.replyTo(), s -> new Accepted(true)))
        .onCommand(GetStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
        .onCommand(CheckClock.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            clockPolicy.decide(cmd.meterTime(), LocalDateTime.ofInstant(cmd.readAt(), standardTime))))
        .onCommand(ReadRange.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            MeterRequests.ReadResult.failed(notRegistered(), null)))
        .onCommand(AwaitScheduleWrite.class, (state, cmd) -> Effect().reply(cmd.replyTo(), failed(notRegistered())))
        .onCommand(VerifySchedule.class, (state, cmd) -> Effect().reply(cmd.replyTo(), failed(notRegistered())))
        .onCommand(SetIntervalLength.class, (state, cmd) -> Effect().reply(cmd.replyTo(), failed(notRegistered())))
        .onAnyCommand(cmd -> cmd instanceof RepliesWithReply r
            ? Effect().reply(r.replyTo(), new Rejected(notRegistered())) : Effect().noReply());
    builder.forState(MeterState::registered)
        .onCommand(Announce.class, this::onAnnounce)
        .onCommand(Collect.class, this::onCollect)
        .onCommand(RecordEvents.class, this::onEvents)
        .onCommand(AssignDefaultSchedule.class, (state, cmd) -> Effect()
            .persist(new DefaultScheduleAssigned(cmd.readGroup(), cmd.readTime(), cmd.setBy()))
            .thenRun(schedules::writePendingSchedules)
            .thenReply(cmd.replyTo(), s -> new Accepted(true)))
        .onCommand(SetExtraSchedule.class, schedules::onSetExtra)
        .onCommand(CancelExtraSchedule.class, schedules::onCancelExtra)
        .onCommand(ConfirmSchedule.class, schedules::onConfirmSchedule)
        .onCommand(ScheduleWritten.class, schedules::onScheduleWritten)
        .onCommand(AwaitScheduleWrite.class, schedules::onAwaitScheduleWrite)
        .onCommand(VerifySchedule.class, schedules::onVerifySchedule)
        .onCommand(ScheduleReadBack.class, (state, cmd) -> Effect().reply(cmd.replyTo(), schedules.verified(cmd)))
        .onCommand(SetIntervalLength.class, schedules::onSetIntervalLength)
        .onCommand(IntervalLengthWritten.class, schedules::onIntervalLengthWritten)
        .onCommand(ReadRange.class, reads::onReadRange)
        .onCommand(ReadAnswered.class, reads::onReadAnswered)
        .onCommand(ParkedReadExpired.class, reads::onParkedReadExpired)
        .onCommand(RetryDue.class, reads::onRetryDue)
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

  private String notRegistered() {
    return "meter " + meterId + " is not registered";
  }

  static MeterRequests.Outcome failed(String detail) {
    return new MeterRequests.Outcome(false, detail, null);
  }

  // ---- contact and session ----------------------------------------------------------------------

  private ReplyEffect<Event, MeterState> onAnnounce(MeterState state, Announce cmd) {
    if (!state.registration().logicalDeviceName().equals(cmd.registration().logicalDeviceName())) {
      return Effect().reply(cmd.replyTo(), new Rejected("meter " + meterId + " is registered as "
          + state.registration().logicalDeviceName() + ", not " + cmd.registration().logicalDeviceName()));
    }
    return Effect().persist(new MeterContacted(cmd.at(), cmd.session()))
        .thenRun(this::onContact)
        .thenReply(cmd.replyTo(), s -> new Accepted(false));
  }

  /** The meter is in contact over a new session: what waited for it goes out now. */
  private void onContact(MeterState state) {
    watchSession(state.session());
    schedules.writePendingSchedules(state);
    for (WaitingRequests.ParkedRead parked : waiting.takeParked()) {
      timers.cancel(parked.id());
      timers.cancel(MeterReads.retryKey(parked.id()));
      reads.askForRead(state.session(), parked.attempt(), parked.request());
    }
  }

  private void watchSession(ActorRef<MeterRequests.Request> session) {
    lostSession = null;
    if (session != null) {
      context.watch(session);
    }
  }

  /** The session requests can go to now, or null when the meter is not in contact. */
  ActorRef<MeterRequests.Request> liveSession(MeterState state) {
    return state.session() != null && !state.session().equals(lostSession) ? state.session() : null;
  }

  // ---- collection, events, clock ----------------------------------------------------------------

  /**
   * Persist first, acknowledge after (R-COL-1): the push's new intervals and new events in one write,
   * one journal round trip per push; a delivery already held in full and events already logged
   * change nothing.
   */
  private ReplyEffect<Event, MeterState> onCollect(MeterState state, Collect cmd) {
    boolean allHeld = !cmd.delivery().days().isEmpty() && cmd.delivery().days().stream()
        .allMatch(d -> state.collected().holdsAll(d.channel(), d.day(), d.presentIntervals()));
    List<LoggedEvent> fresh = state.recentEvents().newOnes(cmd.events());
    List<Event> events = new java.util.ArrayList<>(2);
    if (!allHeld) {
      events.add(new IntervalsCollected(cmd.delivery()));
    }
    if (!fresh.isEmpty()) {
      events.add(new EventsReceived(fresh, cmd.delivery().receivedAt(), cmd.delivery().source()));
    }
    if (events.isEmpty()) {
      return Effect().reply(cmd.replyTo(), new Accepted(false));
    }
    return Effect().persist(events).thenReply(cmd.replyTo(), s -> new Accepted(true));
  }

  private ReplyEffect<Event, MeterState> onEvents(MeterState state, RecordEvents cmd) {
    List<LoggedEvent> fresh = state.recentEvents().newOnes(cmd.events());
    if (fresh.isEmpty()) {
      return Effect().reply(cmd.replyTo(), new Accepted(false));
    }
    return Effect().persist(new EventsReceived(fresh, cmd.receivedAt())).thenReply(cmd.replyTo(), s -> new Accepted(true));
  }

  private ReplyEffect<Event, MeterState> onCheckClock(MeterState state, CheckClock cmd) {
    ClockPolicy.Decision decision = clockPolicy.decide(cmd.meterTime(), LocalDateTime.ofInstant(cmd.readAt(), standardTime));
    Event event = decision instanceof ClockPolicy.RaiseClockEvent raise
        ? new ClockErrorRaised(raise.drift(), cmd.readAt())
        : new ClockChecked(decision.drift(), cmd.readAt());
    return Effect().persist(event).thenReply(cmd.replyTo(), s -> decision);
  }

  // ---- state changes ----------------------------------------------------------------------------

  @Override
  public EventHandler<MeterState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(MeterSelfRegistered.class, (state, e) -> state.withRegistration(e.registration(), e.at())
            .withSession(e.session()))
        .onEvent(MeterContacted.class, (state, e) -> state.withContact(e.at()).withSession(e.session()))
        .onEvent(ScheduleWriteFailed.class, (state, e) -> state)
        .onEvent(IntervalsCollected.class, (state, e) -> collect(state, e.delivery()))
        .onEvent(EventsReceived.class, (state, e) -> state.withEvents(e.events()))
        .onEvent(DefaultScheduleAssigned.class, (state, e) ->
            state.withDefaultSchedule(new DefaultSchedule(e.readGroup(), e.readTime(), e.setBy(), false)))
        .onEvent(ExtraScheduleSet.class, (state, e) -> state.withExtraSchedule(e.schedule().inSlot(MeterSchedules.slotFor(state,
            e.schedule().id()))))
        .onEvent(ExtraScheduleCancelled.class, (state, e) -> state.withoutExtraSchedule(e.id()))
        .onEvent(ScheduleAcknowledged.class, (state, e) -> e.scheduleId().equals(DEFAULT_SCHEDULE)
            ? state.withDefaultSchedule(new DefaultSchedule(state.defaultSchedule().readGroup(),
                state.defaultSchedule().readTime(), state.defaultSchedule().setBy(), true))
            : state.extraSchedules().containsKey(e.scheduleId())
                ? state.withExtraSchedule(state.extraSchedules().get(e.scheduleId()).acknowledgedNow()) : state)
        .onEvent(ClockChecked.class, (state, e) -> state.withClock(new ClockStatus(e.at(), e.drift(), false)))
        .onEvent(ClockCorrected.class, (state, e) -> state.withClock(new ClockStatus(e.at(), Duration.ZERO, false)))
        .onEvent(ClockCorrectionFailed.class, (state, e) -> state.withClock(new ClockStatus(e.at(), e.drift(), true)))
        .onEvent(ClockErrorRaised.class, (state, e) -> state.withClock(new ClockStatus(e.at(), e.drift(), true)))
        .onEvent(ReadFailed.class, (state, e) -> state.withReadFailure())
        .onEvent(IntervalLengthProgrammed.class, (state, e) -> state.withIntervalMinutes(e.minutes()))
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
