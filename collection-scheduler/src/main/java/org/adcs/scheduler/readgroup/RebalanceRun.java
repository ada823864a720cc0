package org.adcs.scheduler.readgroup;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.scheduler.MeterLog;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.readside.CollectionTiming;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;
import org.adcs.scheduler.workload.WorkloadManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebalancing review (R-SCH-4): streams the period's collection timings into per-group counts,
 * classifies the groups, then for each planned move takes meters from the over-committed group's
 * membership, writes each its new default read time through the workload manager (routine traffic),
 * and records every action with the meter's answer. Replies with the {@link RebalanceRecord} and stops.
 */
public final class RebalanceRun extends AbstractBehavior<RebalanceRun.Command> {

  public sealed interface Command {}

  private record TimingsArrived(Page<CollectionTiming> page, Throwable error) implements Command {}

  private record SizesArrived(int[] sizes, Throwable error) implements Command {}

  private record MembersArrived(Page<String> page, Throwable error) implements Command {}

  private record Acked(ScheduleAck ack) implements Command {}

  private static final Logger log = LoggerFactory.getLogger(RebalanceRun.class);
  private static final int PAGE = 1000;

  private record Move(String meterId, int from, int to) {}

  private final CollectionWindow window;
  private final RebalanceAnalyst analyst;
  private final ReadGroupReadSide readSide;
  private final ActorRef<WorkloadManager.Command> workload;
  private final Clock clock;
  private final ActorRef<RebalanceRecord> replyTo;
  private final LocalDate firstDay;
  private final LocalDate lastDay;
  private final int maxInFlight;
  private final GroupPunctuality punctuality;
  private final ActorRef<ScheduleAck> ackAdapter;
  private final List<RebalanceAction> actions = new ArrayList<>();
  private final ArrayDeque<GroupMove> movesLeft = new ArrayDeque<>();
  private final ArrayDeque<Move> toWrite = new ArrayDeque<>();
  private final Map<String, Move> inFlight = new HashMap<>();
  private RebalanceAnalysis analysis;
  private GroupMove currentMove;
  private int takenForMove;
  private Optional<String> membersCursor = Optional.empty();
  private boolean fetchingMembers;

  public static Behavior<Command> create(CollectionWindow window, RebalancePolicy policy, LocalDate firstDay, LocalDate lastDay,
      int maxInFlight, ReadGroupReadSide readSide, ActorRef<WorkloadManager.Command> workload, Clock clock,
      ActorRef<RebalanceRecord> replyTo) {
    if (lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException("review period ends " + lastDay + " before it starts " + firstDay);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("schedule writes in flight must be at least 1, was " + maxInFlight);
    }
    return Behaviors.setup(context ->
        new RebalanceRun(context, window, policy, firstDay, lastDay, maxInFlight, readSide, workload, clock, replyTo));
  }

  private RebalanceRun(ActorContext<Command> context, CollectionWindow window, RebalancePolicy policy, LocalDate firstDay,
      LocalDate lastDay, int maxInFlight, ReadGroupReadSide readSide, ActorRef<WorkloadManager.Command> workload, Clock clock,
      ActorRef<RebalanceRecord> replyTo) {
    super(context);
    this.window = window;
    this.analyst = new RebalanceAnalyst(policy, clock);
    this.readSide = readSide;
    this.workload = workload;
    this.clock = clock;
    this.replyTo = replyTo;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.maxInFlight = maxInFlight;
    this.punctuality = new GroupPunctuality(window.groupCount());
    this.ackAdapter = context.messageAdapter(ScheduleAck.class, Acked::new);
    context.pipeToSelf(readSide.collectionTimings(firstDay, lastDay, PageRequest.first(PAGE)), TimingsArrived::new);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(TimingsArrived.class, this::onTimings)
        .onMessage(SizesArrived.class, this::onSizes)
        .onMessage(MembersArrived.class, this::onMembers)
        .onMessage(Acked.class, this::onAck)
        .build();
  }

  private Behavior<Command> onTimings(TimingsArrived arrived) {
    if (arrived.error() != null) {
      log.error("collection timings unavailable; rebalancing review not run", arrived.error());
      return Behaviors.stopped();
    }
    arrived.page().rows().forEach(punctuality::record);
    if (arrived.page().isLast()) {
      getContext().pipeToSelf(readSide.groupSizes(window.groupCount()), SizesArrived::new);
    } else {
      var next = new PageRequest(arrived.page().continueAfter(), PAGE);
      getContext().pipeToSelf(readSide.collectionTimings(firstDay, lastDay, next), TimingsArrived::new);
    }
    return this;
  }

  private Behavior<Command> onSizes(SizesArrived arrived) {
    if (arrived.error() != null) {
      log.error("read group sizes unavailable; rebalancing review not run", arrived.error());
      return Behaviors.stopped();
    }
    analysis = analyst.analyse(firstDay, lastDay, punctuality, arrived.sizes());
    log.info("rebalancing review {}..{}: {} meters to move in {} moves", firstDay, lastDay, analysis.metersToMove(), analysis.moves().size());
    movesLeft.addAll(analysis.moves());
    nextMove();
    return maybeFinish();
  }

  /** Moves out of the same group follow each other, so one pass over its members serves them all. */
  private void nextMove() {
    GroupMove previous = currentMove;
    currentMove = movesLeft.poll();
    takenForMove = 0;
    if (currentMove == null) {
      return;
    }
    if (previous == null || previous.from() != currentMove.from()) {
      membersCursor = Optional.empty();
    }
    fetchMembers();
  }

  private void fetchMembers() {
    if (currentMove == null || fetchingMembers || toWrite.size() >= PAGE) {
      return;
    }
    fetchingMembers = true;
    getContext().pipeToSelf(readSide.membersOf(currentMove.from(), new PageRequest(membersCursor, PAGE)), MembersArrived::new);
  }

  private Behavior<Command> onMembers(MembersArrived arrived) {
    fetchingMembers = false;
    if (arrived.error() != null) {
      log.error("members of read group {} unavailable; its move is skipped", currentMove.from(), arrived.error());
      nextMove();
      return maybeFinish();
    }
    for (String meterId : arrived.page().rows()) {
      if (takenForMove == currentMove.meters()) {
        break;
      }
      toWrite.add(new Move(meterId, currentMove.from(), currentMove.to()));
      takenForMove++;
      membersCursor = Optional.of(meterId);
    }
    if (takenForMove == currentMove.meters() || arrived.page().isLast()) {
      if (takenForMove < currentMove.meters()) {
        log.warn("read group {} had only {} of {} meters to move", currentMove.from(), takenForMove, currentMove.meters());
      }
      nextMove();
    } else {
      membersCursor = arrived.page().continueAfter();
      fetchMembers();
    }
    startWrites();
    return maybeFinish();
  }

  private void startWrites() {
    while (!toWrite.isEmpty() && inFlight.size() < maxInFlight) {
      Move move = toWrite.poll();
      inFlight.put(move.meterId(), move);
      var readTime = window.group(move.to()).readTimeFor(move.meterId());
      workload.tell(new WorkloadManager.WriteDefaultSchedule(move.meterId(), readTime, ReadPriority.ROUTINE, ackAdapter));
    }
  }

  private Behavior<Command> onAck(Acked acked) {
    Move move = inFlight.remove(acked.ack().meterId());
    if (move == null) {
      return this;
    }
    boolean ok = acked.ack() instanceof ScheduleAck.Acknowledged;
    var status = ok ? RebalanceAction.Status.ACKNOWLEDGED : RebalanceAction.Status.NOT_ACKNOWLEDGED;
    var readTime = window.group(move.to()).readTimeFor(move.meterId());
    actions.add(new RebalanceAction(move.meterId(), move.from(), move.to(), readTime, status, clock.instant()));
    MeterLog.info(log, move.meterId(), "rebalanced from read group {} to {} at {}: {}", move.from(), move.to(), readTime, status);
    startWrites();
    fetchMembers();
    return maybeFinish();
  }

  private Behavior<Command> maybeFinish() {
    if (analysis == null || currentMove != null || fetchingMembers || !toWrite.isEmpty() || !inFlight.isEmpty()) {
      return this;
    }
    replyTo.tell(new RebalanceRecord(analysis, actions));
    return Behaviors.stopped();
  }
}
