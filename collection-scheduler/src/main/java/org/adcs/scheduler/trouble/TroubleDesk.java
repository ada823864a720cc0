package org.adcs.scheduler.trouble;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.SnapshotAdapter;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.Effect;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import akka.persistence.typed.javadsl.RetentionCriteria;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.scheduler.MeterLog;
import org.adcs.scheduler.SchedulerSerializable;
import org.adcs.scheduler.completeness.DaySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trouble reports and pickup requests (R-MIS-4, R-FLD-1), event-sourced so that nothing it has
 * acknowledged is lost: a report or request exists once its event is in the journal, and answers go
 * out only after that. Recovery runs tell it each meter's complete days after recovery; operators ask
 * it for the aging report and raise pickup requests. One writer, so "unless one is already open"
 * holds without locks. Its state is the open reports and requests and the most recently closed
 * requests ({@link PickupRequestBook#CLOSED_KEPT}).
 */
public final class TroubleDesk extends EventSourcedBehavior<TroubleDesk.Command, TroubleDesk.Event, TroubleDesk.State> {

  public sealed interface Command extends SchedulerSerializable {}

  /**
   * A meter's complete days after recovery; opens a report if the policy calls for one. The answer
   * comes once the report is in the journal, so a sender that waits for it can bound how many it has
   * outstanding: the desk stashes commands while it persists, and that stash must stay small.
   */
  public record Evaluate(String meterId, DaySet completeDays, ActorRef<Evaluated> replyTo) implements Command {}

  /** The report opened for the meter, or empty when none was needed or one was open already. */
  public record Evaluated(String meterId, Optional<TroubleReport> opened) implements SchedulerSerializable {}

  public record GetAgingReport(ActorRef<AgingReport> replyTo) implements Command {}

  public record GetOpenReport(String meterId, ActorRef<Optional<TroubleReport>> replyTo) implements Command {}

  /** Raise a pickup request from the meter's open trouble report (R-FLD-1). */
  public record RaisePickupFromReport(String meterId, ActorRef<PickupAnswer> replyTo) implements Command {}

  /** An operator raises a pickup request (R-FLD-1). */
  public record RaisePickupByOperator(String meterId, String operator, String reason, ActorRef<PickupAnswer> replyTo) implements Command {}

  /** Close the meter's open trouble report; the answer says whether one was open. */
  public record CloseReport(String meterId, ActorRef<Boolean> replyTo) implements Command {}

  /** Close a pickup request once the field upload is stored (R-FLD-2); the answer says whether it was open. */
  public record ClosePickupRequest(long pickupRequestId, ActorRef<Boolean> replyTo) implements Command {}

  /** A pickup request by id, open or recently closed (R-FLD-1). */
  public record GetPickupRequest(long pickupRequestId, ActorRef<Optional<PickupRequest>> replyTo) implements Command {}

  /** A page of pickup requests, for field tools and operators (R-FLD-1); see {@link PickupRequestBook#list}. */
  public record ListPickupRequests(Optional<String> meterId, Optional<PickupRequestBook.Status> status, int offset, int limit,
      ActorRef<PickupRequestBook.Page> replyTo) implements Command {
    public ListPickupRequests {
      if (offset < 0 || limit < 1) {
        throw new IllegalArgumentException("offset must be at least 0 and limit at least 1");
      }
    }
  }

  /** The raised (or already open) pickup request, or why none could be raised. */
  public sealed interface PickupAnswer extends SchedulerSerializable {
    record Raised(PickupRequest request) implements PickupAnswer {}

    record Refused(String reason) implements PickupAnswer {}
  }

  public sealed interface Event extends SchedulerSerializable {}

  public record TroubleReportOpened(TroubleReport report) implements Event {}

  public record TroubleReportClosed(String meterId) implements Event {}

  public record PickupRequestRaised(PickupRequest request) implements Event {}

  /** @param closedAt when it was closed; absent in events written before closed requests were kept */
  public record PickupRequestClosed(long pickupRequestId, Optional<Instant> closedAt) implements Event {
    public PickupRequestClosed {
      closedAt = closedAt == null ? Optional.empty() : closedAt;
    }
  }

  /** What a snapshot holds: the open reports, the open and recently closed requests, the next ids. */
  public record Snapshot(List<TroubleReport> openReports, long nextReportId, List<PickupRequest> openPickupRequests, long nextPickupRequestId,
      List<PickupRequest> closedPickupRequests) implements SchedulerSerializable {
    public Snapshot {
      openReports = List.copyOf(openReports);
      openPickupRequests = List.copyOf(openPickupRequests);
      // Snapshots taken before closed requests were kept have none.
      closedPickupRequests = closedPickupRequests == null ? List.of() : List.copyOf(closedPickupRequests);
    }
  }

  /** Events between snapshots; the journal keeps the last two snapshots' worth, so recovery stays short. */
  public static final int SNAPSHOT_EVERY = 1000;

  /** The open reports and requests; rebuilt from the last snapshot and the events after it on start. */
  public static final class State {
    final TroubleReportBook reports;
    final PickupRequestBook pickups;

    State(TroubleReportPolicy policy, Clock clock) {
      this.reports = new TroubleReportBook(policy, clock);
      this.pickups = new PickupRequestBook(clock);
    }
  }

  /** The desk's one persistence id: there is one desk per cluster (a singleton in the head-end). */
  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("collection-scheduler-trouble-desk");

  private static final Logger log = LoggerFactory.getLogger(TroubleDesk.class);

  private final TroubleReportPolicy policy;
  private final boolean raisePickupOnOpen;
  private final Clock clock;

  /**
   * @param raisePickupOnOpen whether every new trouble report raises a pickup request at once, or only
   *     when someone asks
   */
  public static Behavior<Command> create(PersistenceId persistenceId, TroubleReportPolicy policy, boolean raisePickupOnOpen, Clock clock) {
    return create(persistenceId, policy, raisePickupOnOpen, clock, SNAPSHOT_EVERY);
  }

  /** As {@link #create(PersistenceId, TroubleReportPolicy, boolean, Clock)}, with a snapshot every {@code snapshotEvery} events. */
  public static Behavior<Command> create(PersistenceId persistenceId, TroubleReportPolicy policy, boolean raisePickupOnOpen, Clock clock,
      int snapshotEvery) {
    if (snapshotEvery < 1) {
      throw new IllegalArgumentException("snapshot interval must be at least 1 event, was " + snapshotEvery);
    }
    return Behaviors.setup(context -> new TroubleDesk(persistenceId, policy, raisePickupOnOpen, clock, snapshotEvery));
  }

  private final int snapshotEvery;

  private TroubleDesk(PersistenceId persistenceId, TroubleReportPolicy policy, boolean raisePickupOnOpen, Clock clock, int snapshotEvery) {
    super(persistenceId);
    this.policy = policy;
    this.raisePickupOnOpen = raisePickupOnOpen;
    this.clock = clock;
    this.snapshotEvery = snapshotEvery;
  }

  @Override
  public State emptyState() {
    return new State(policy, clock);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
  }

  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(State state) {
        return new Snapshot(state.reports.openReports(), state.reports.nextId(), state.pickups.openRequests(), state.pickups.nextId(),
            state.pickups.closedRequests());
      }

      @Override
      public State fromJournal(Object from) {
        Snapshot snapshot = (Snapshot) from;
        State state = emptyState();
        state.reports.restore(snapshot.openReports(), snapshot.nextReportId());
        state.pickups.restore(snapshot.openPickupRequests(), snapshot.closedPickupRequests(), snapshot.nextPickupRequestId());
        return state;
      }
    };
  }

  @Override
  public CommandHandler<Command, Event, State> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(Evaluate.class, this::onEvaluate)
        .onCommand(GetAgingReport.class, (state, get) -> Effect().reply(get.replyTo(), state.reports.agingReport()))
        .onCommand(GetOpenReport.class, (state, get) -> Effect().reply(get.replyTo(), state.reports.openReportOf(get.meterId())))
        .onCommand(RaisePickupFromReport.class, this::onRaiseFromReport)
        .onCommand(RaisePickupByOperator.class, this::onRaiseByOperator)
        .onCommand(CloseReport.class, (state, close) -> state.reports.openReportOf(close.meterId()).isPresent()
            ? Effect().persist(new TroubleReportClosed(close.meterId())).thenReply(close.replyTo(), s -> true)
            : Effect().reply(close.replyTo(), false))
        .onCommand(ClosePickupRequest.class, (state, close) -> state.pickups.find(close.pickupRequestId()).isPresent()
            ? Effect().persist(new PickupRequestClosed(close.pickupRequestId(), Optional.of(clock.instant())))
                .thenReply(close.replyTo(), s -> true)
            : Effect().reply(close.replyTo(), false))
        .onCommand(GetPickupRequest.class, (state, get) -> Effect().reply(get.replyTo(), state.pickups.lookup(get.pickupRequestId())))
        .onCommand(ListPickupRequests.class, (state, list) -> Effect().reply(list.replyTo(),
            state.pickups.list(list.meterId(), list.status(), list.offset(), list.limit())))
        .build();
  }

  private Effect<Event, State> onEvaluate(State state, Evaluate evaluate) {
    Optional<TroubleReport> report = state.reports.decideOpen(evaluate.meterId(), evaluate.completeDays());
    if (report.isEmpty()) {
      return Effect().reply(evaluate.replyTo(), new Evaluated(evaluate.meterId(), Optional.empty()));
    }
    TroubleReport opened = report.get();
    List<Event> events = new ArrayList<>();
    events.add(new TroubleReportOpened(opened));
    if (raisePickupOnOpen) {
      pickupFor(state, opened).ifPresent(events::add);
    }
    return Effect().persist(events).thenRun(s -> {
      MeterLog.info(log, opened.meterId(), "trouble report {} opened: {} missing {}", opened.id(), opened.reason(), opened.missingRanges());
      if (events.size() > 1) {
        MeterLog.info(log, opened.meterId(), "pickup request raised from trouble report {}", opened.id());
      }
    }).thenReply(evaluate.replyTo(), s -> new Evaluated(opened.meterId(), Optional.of(opened)));
  }

  private Effect<Event, State> onRaiseFromReport(State state, RaisePickupFromReport raise) {
    Optional<TroubleReport> open = state.reports.openReportOf(raise.meterId());
    if (open.isEmpty()) {
      return Effect().reply(raise.replyTo(), new PickupAnswer.Refused("meter " + raise.meterId() + " has no open trouble report"));
    }
    Optional<PickupRequestRaised> event = pickupFor(state, open.get());
    if (event.isEmpty()) {
      return Effect().reply(raise.replyTo(), new PickupAnswer.Raised(state.pickups.openFor(raise.meterId()).orElseThrow()));
    }
    return persistPickup(event.get(), raise.replyTo());
  }

  private Effect<Event, State> onRaiseByOperator(State state, RaisePickupByOperator raise) {
    PickupRequestBook.Decision decision;
    try {
      decision = state.pickups.decideRaise(raise.meterId(), new PickupOrigin.OperatorOrigin(raise.operator()), raise.reason());
    } catch (IllegalArgumentException invalid) {
      return Effect().reply(raise.replyTo(), new PickupAnswer.Refused(invalid.getMessage()));
    }
    if (decision instanceof PickupRequestBook.Decision.AlreadyOpen) {
      return Effect().reply(raise.replyTo(), new PickupAnswer.Raised(decision.request()));
    }
    return persistPickup(new PickupRequestRaised(decision.request()), raise.replyTo());
  }

  private Effect<Event, State> persistPickup(PickupRequestRaised event, ActorRef<PickupAnswer> replyTo) {
    PickupRequest request = event.request();
    return Effect().persist(event).thenRun(s ->
            MeterLog.info(log, request.meterId(), "pickup request {} raised by {}: {}", request.id(), request.origin(), request.reason()))
        .thenReply(replyTo, s -> new PickupAnswer.Raised(request));
  }

  /** A new pickup request for the report's meter, or empty when one is open already. */
  private static Optional<PickupRequestRaised> pickupFor(State state, TroubleReport report) {
    var decision = state.pickups.decideRaise(report.meterId(), new PickupOrigin.TroubleReportOrigin(report.id()),
        "communications trouble: missing " + report.missingRanges());
    return decision instanceof PickupRequestBook.Decision.Raise raise
        ? Optional.of(new PickupRequestRaised(raise.request()))
        : Optional.empty();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(TroubleReportOpened.class, (state, e) -> {
          state.reports.applyOpened(e.report());
          return state;
        })
        .onEvent(TroubleReportClosed.class, (state, e) -> {
          state.reports.close(e.meterId());
          return state;
        })
        .onEvent(PickupRequestRaised.class, (state, e) -> {
          state.pickups.applyRaised(e.request());
          if (e.request().origin() instanceof PickupOrigin.TroubleReportOrigin) {
            state.reports.applyPickupRaised(e.request().meterId(), e.request().id());
          }
          return state;
        })
        .onEvent(PickupRequestClosed.class, (state, e) -> {
          e.closedAt().ifPresentOrElse(at -> state.pickups.close(e.pickupRequestId(), at),
              () -> state.pickups.close(e.pickupRequestId()));
          return state;
        })
        .build();
  }
}
