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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * One rebalancing review (R-SCH-4). A first pass over the period's collection timings counts each
 * read group's punctuality; the analysis classifies the groups and plans the moves. A second pass
 * picks, in each over-committed group, the meters that were themselves consistently late or missed,
 * up to the group's share; membership fills the rest. Each chosen meter gets its new default read
 * time through the workload manager (routine traffic) and every action is recorded with the meter's
 * answer. Replies with the {@link RebalanceRecord} and stops. Holds per-group counts and at most the
 * meters to move.
 */
public final class RebalanceRun extends AbstractBehavior<RebalanceRun.Command> {

  public sealed interface Command {}

  private record TimingsArrived(boolean firstPass, Page<CollectionTiming> page, Throwable error) implements Command {}

  private record SizesArrived(int[] sizes, Throwable error) implements Command {}

  private record MembersArrived(Page<String> page, Throwable error) implements Command {}

  private record Acked(ScheduleAck ack) implements Command {}

  private static final Logger log = LoggerFactory.getLogger(RebalanceRun.class);
  private static final int PAGE = 1000;

  private record Move(String meterId, int from, int to) {}

  /** Counting punctuality, choosing late meters, filling each group's share, writing the last schedules. */
  private enum Phase { COUNTING, CHOOSING, FILLING, WRITING }

  private final CollectionWindow window;
  private final RebalancePolicy policy;
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
  private final ArrayDeque<Move> toWrite = new ArrayDeque<>();
  private final Map<String, Move> inFlight = new HashMap<>();
  private RebalanceAnalysis analysis;
  private Phase phase = Phase.COUNTING;
  /** Per over-committed group: how many meters leave it, and the late ones chosen so far. */
  private final Map<Integer, Integer> quota = new HashMap<>();
  private final Map<Integer, LinkedHashSet<String>> chosen = new HashMap<>();
  /** The meter whose days the second pass is adding up. */
  private String meterId;
  private int meterGroup;
  private long meterObservations;
  private long meterMisses;
  /** The group whose members are being taken, and the moves out of it still to fill. */
  private final ArrayDeque<Integer> groupsToFill = new ArrayDeque<>();
  private int fillingGroup = -1;
  private final ArrayDeque<GroupMove> fillingMoves = new ArrayDeque<>();
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
    this.policy = policy;
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
    fetchTimings(true, Optional.empty());
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

  private void fetchTimings(boolean firstPass, Optional<String> after) {
    getContext().pipeToSelf(readSide.collectionTimings(firstDay, lastDay, new PageRequest(after, PAGE)),
        (page, error) -> new TimingsArrived(firstPass, page, error));
  }

  private Behavior<Command> onTimings(TimingsArrived arrived) {
    if (arrived.error() != null) {
      log.error("collection timings unavailable; rebalancing review not run", arrived.error());
      return Behaviors.stopped();
    }
    for (CollectionTiming timing : arrived.page().rows()) {
      if (arrived.firstPass()) {
        punctuality.record(timing);
      } else {
        addUp(timing);
      }
    }
    if (!arrived.page().isLast()) {
      fetchTimings(arrived.firstPass(), arrived.page().continueAfter());
    } else if (arrived.firstPass()) {
      getContext().pipeToSelf(readSide.groupSizes(window.groupCount()), SizesArrived::new);
    } else {
      chooseIfLate();
      phase = Phase.FILLING;
      groupsToFill.addAll(quota.keySet().stream().sorted().toList());
      nextGroup();
    }
    return maybeFinish();
  }

  private Behavior<Command> onSizes(SizesArrived arrived) {
    if (arrived.error() != null) {
      log.error("read group sizes unavailable; rebalancing review not run", arrived.error());
      return Behaviors.stopped();
    }
    analysis = analyst.analyse(firstDay, lastDay, punctuality, arrived.sizes());
    log.info("rebalancing review {}..{}: {} meters to move in {} moves", firstDay, lastDay, analysis.metersToMove(), analysis.moves().size());
    for (GroupMove move : analysis.moves()) {
      quota.merge(move.from(), move.meters(), Integer::sum);
      chosen.putIfAbsent(move.from(), new LinkedHashSet<>());
    }
    if (quota.isEmpty()) {
      phase = Phase.WRITING;
    } else {
      phase = Phase.CHOOSING;
      fetchTimings(false, Optional.empty());
    }
    return maybeFinish();
  }

  /** Second pass: rows come in (meter, day) order, so one meter's days are added up at a time. */
  private void addUp(CollectionTiming timing) {
    if (!timing.meterId().equals(meterId)) {
      chooseIfLate();
      meterId = timing.meterId();
      meterObservations = 0;
      meterMisses = 0;
    }
    meterGroup = timing.group(); // the group of its latest day
    meterObservations++;
    if (timing.punctuality() != CollectionTiming.Punctuality.ON_TIME) {
      meterMisses++;
    }
  }

  private void chooseIfLate() {
    if (meterId == null || !quota.containsKey(meterGroup)) {
      return;
    }
    Set<String> late = chosen.get(meterGroup);
    if (late.size() < quota.get(meterGroup) && (double) meterMisses / meterObservations > policy.overCommittedAbove()) {
      late.add(meterId);
    }
  }

  /** Starts on the next over-committed group: its late meters first, then members to fill its share. */
  private void nextGroup() {
    Integer group = groupsToFill.poll();
    if (group == null) {
      fillingGroup = -1;
      phase = Phase.WRITING;
      return;
    }
    fillingGroup = group;
    fillingMoves.clear();
    analysis.moves().stream().filter(m -> m.from() == group).forEach(fillingMoves::add);
    takenForMove = 0;
    for (String late : chosen.get(group)) {
      take(late);
    }
    membersCursor = Optional.empty();
    if (fillingMoves.isEmpty()) {
      nextGroup();
    } else {
      fetchMembers();
    }
    startWrites();
  }

  /** Sends a meter to the current move; returns false once the group's share is full. */
  private boolean take(String meter) {
    GroupMove move = fillingMoves.peek();
    if (move == null) {
      return false;
    }
    toWrite.add(new Move(meter, move.from(), move.to()));
    if (++takenForMove == move.meters()) {
      fillingMoves.poll();
      takenForMove = 0;
    }
    return true;
  }

  private void fetchMembers() {
    if (fillingGroup < 0 || fetchingMembers || toWrite.size() >= PAGE) {
      return;
    }
    fetchingMembers = true;
    getContext().pipeToSelf(readSide.membersOf(fillingGroup, new PageRequest(membersCursor, PAGE)), MembersArrived::new);
  }

  private Behavior<Command> onMembers(MembersArrived arrived) {
    fetchingMembers = false;
    if (arrived.error() != null) {
      log.error("members of read group {} unavailable; its moves are cut short", fillingGroup, arrived.error());
      nextGroup();
      return maybeFinish();
    }
    Set<String> alreadyTaken = chosen.getOrDefault(fillingGroup, new LinkedHashSet<>());
    for (String member : arrived.page().rows()) {
      if (fillingMoves.isEmpty()) {
        break;
      }
      if (!alreadyTaken.contains(member)) {
        take(member);
      }
    }
    membersCursor = arrived.page().continueAfter();
    if (fillingMoves.isEmpty() || arrived.page().isLast()) {
      if (!fillingMoves.isEmpty()) {
        log.warn("read group {} had too few meters for its share; {} move(s) cut short", fillingGroup, fillingMoves.size());
      }
      nextGroup();
    } else {
      fetchMembers();
    }
    startWrites();
    return maybeFinish();
  }

  private void startWrites() {
    while (!toWrite.isEmpty() && inFlight.size() < maxInFlight) {
      Move move = toWrite.poll();
      if (inFlight.containsKey(move.meterId())) {
        continue;
      }
      inFlight.put(move.meterId(), move);
      var readTime = window.readTimeFor(move.to(), move.meterId());
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
    var readTime = window.readTimeFor(move.to(), move.meterId());
    actions.add(new RebalanceAction(move.meterId(), move.from(), move.to(), readTime, status, clock.instant()));
    MeterLog.info(log, move.meterId(), "rebalanced from read group {} to {} at {}: {}", move.from(), move.to(), readTime, status);
    startWrites();
    fetchMembers();
    return maybeFinish();
  }

  private Behavior<Command> maybeFinish() {
    if (phase != Phase.WRITING || fetchingMembers || !toWrite.isEmpty() || !inFlight.isEmpty()) {
      return this;
    }
    replyTo.tell(new RebalanceRecord(analysis, actions));
    return Behaviors.stopped();
  }
}
