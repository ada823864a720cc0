package org.adcs.scheduler.massread;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.scheduler.MeterLog;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.massread.MassReadProgress.State;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ReadSource;
import org.adcs.scheduler.port.TimeRange;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;
import org.adcs.scheduler.recovery.MissingRange;
import org.adcs.scheduler.recovery.RecoveryPlanner;
import org.adcs.scheduler.workload.WorkloadManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mass on-demand read (R-OD-3): reads the target's days from every meter of a list or a read group,
 * or, for every meter missing data in the timeframe, only the ranges it misses (the optimised read),
 * through the workload manager at mass-read priority
 * (so operator reads and recovery go first, R-OD-4) and with at most {@code concurrency} reads of its
 * own outstanding (its throttle). Progress can be asked at any time; a cancelled job starts no new
 * read, lets the outstanding ones finish, reports and stops. Holds a page of meter ids, the ids in
 * flight and counts.
 */
public final class MassReadJob extends AbstractBehavior<MassReadJob.Command> {

  public sealed interface Command {}

  public record GetProgress(ActorRef<MassReadProgress> replyTo) implements Command {}

  public record Cancel(ActorRef<MassReadProgress> replyTo) implements Command {}

  private record IdsArrived(Page<String> page, Throwable error) implements Command {}

  private record CompletenessArrived(Page<MeterCompleteness> page, Throwable error) implements Command {}

  private record ReadDone(ReadOutcome outcome) implements Command {}

  /** Where the job finds its meters. */
  public record Sources(ReadGroupReadSide groups, CompletenessReadSide completeness) {}

  public static final int MAX_CONCURRENCY = 10_000;
  private static final Logger log = LoggerFactory.getLogger(MassReadJob.class);
  private static final int PAGE = 1000;

  private final String jobId;
  private final MassReadTarget target;
  private final int concurrency;
  private final TimeRange range;
  private final RecoveryPlanner planner;
  private final Sources sources;
  private final ActorRef<WorkloadManager.Command> workload;
  private final ActorRef<MassReadProgress> onFinished;
  private final ActorRef<ReadOutcome> readReplies;
  private final ProgressMeter progress;
  /** A meter to read and the ranges it needs, earliest first. */
  private record Target(String meterId, List<TimeRange> ranges) {}

  /** A meter being read: its ranges still to ask for and whether one failed. */
  private static final class Reading {
    final ArrayDeque<TimeRange> rest;
    boolean failed;

    Reading(List<TimeRange> ranges) {
      rest = new ArrayDeque<>(ranges);
    }
  }

  private final ArrayDeque<Target> waiting = new ArrayDeque<>();
  private final Map<String, Reading> inFlight = new HashMap<>();
  private Optional<String> cursor = Optional.empty();
  private int listPosition;
  private boolean fetching;
  private boolean cancelled;

  public static Behavior<Command> create(String jobId, MassReadTarget target, int concurrency, IntervalGrid grid, Sources sources,
      ActorRef<WorkloadManager.Command> workload, Clock clock, ActorRef<MassReadProgress> onFinished) {
    if (jobId == null || jobId.isBlank()) {
      throw new IllegalArgumentException("a mass read needs a job id");
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("mass read concurrency must be 1.." + MAX_CONCURRENCY + ", was " + concurrency);
    }
    if (target instanceof MassReadTarget.MissingData && target.days().days() > DaySet.MAX_SPAN) {
      throw new IllegalArgumentException("a timeframe of missing data spans at most " + DaySet.MAX_SPAN + " days, was " + target.days().days());
    }
    return Behaviors.setup(context -> new MassReadJob(context, jobId, target, concurrency, grid, sources, workload, clock, onFinished));
  }

  private MassReadJob(ActorContext<Command> context, String jobId, MassReadTarget target, int concurrency, IntervalGrid grid,
      Sources sources, ActorRef<WorkloadManager.Command> workload, Clock clock, ActorRef<MassReadProgress> onFinished) {
    super(context);
    this.jobId = jobId;
    this.target = target;
    this.concurrency = concurrency;
    this.range = grid.rangeOf(target.days());
    this.planner = new RecoveryPlanner(grid);
    this.sources = sources;
    this.workload = workload;
    this.onFinished = onFinished;
    this.readReplies = context.messageAdapter(ReadOutcome.class, ReadDone::new);
    this.progress = new ProgressMeter(jobId, clock);
    log.info("mass read {} started: {} over {}", jobId, target.getClass().getSimpleName(), target.days());
    if (target instanceof MassReadTarget.MeterList list) {
      progress.found(list.meterIds().size());
      progress.allFound();
    }
    refill();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(GetProgress.class, g -> {
          g.replyTo().tell(progress.snapshot(cancelled ? State.CANCELLED : State.RUNNING));
          return this;
        })
        .onMessage(Cancel.class, this::onCancel)
        .onMessage(IdsArrived.class, a -> onMeters(a.page(), a.error()))
        .onMessage(CompletenessArrived.class, this::onCompleteness)
        .onMessage(ReadDone.class, this::onReadDone)
        .build();
  }

  /** Keeps up to {@code concurrency} reads outstanding, asking the source for more meters as needed. */
  private void refill() {
    while (!cancelled && inFlight.size() < concurrency) {
      Target next = nextMeter();
      if (next == null) {
        break;
      }
      var reading = new Reading(next.ranges());
      inFlight.put(next.meterId(), reading);
      readNext(next.meterId(), reading);
    }
    if (!cancelled && waiting.isEmpty() && !fetching && !progress.finishedDiscovery()
        && !(target instanceof MassReadTarget.MeterList)) {
      fetching = true;
      var page = new PageRequest(cursor, PAGE);
      if (target instanceof MassReadTarget.ReadGroupMembers group) {
        getContext().pipeToSelf(sources.groups().membersOf(group.group(), page), IdsArrived::new);
      } else {
        getContext().pipeToSelf(sources.completeness().completeness(target.days().last(), target.days().days(), page), CompletenessArrived::new);
      }
    }
  }

  private void readNext(String meterId, Reading reading) {
    TimeRange next = reading.rest.poll();
    workload.tell(new WorkloadManager.Read(new ReadRequest(meterId, next, ReadSource.ON_DEMAND, ReadPriority.MASS_READ), readReplies));
  }

  private Target nextMeter() {
    if (target instanceof MassReadTarget.MeterList list) {
      return listPosition < list.meterIds().size() ? new Target(list.meterIds().get(listPosition++), List.of(range)) : null;
    }
    return waiting.poll();
  }

  private Behavior<Command> onCompleteness(CompletenessArrived arrived) {
    if (arrived.error() != null) {
      return onTargets(null, arrived.error());
    }
    List<Target> missing = new ArrayList<>();
    for (MeterCompleteness meter : arrived.page().rows()) {
      var plan = planner.plan(meter, target.days());
      if (!plan.nothingMissing()) {
        missing.add(new Target(meter.meterId(), plan.ranges().stream().map(MissingRange::range).toList()));
      }
    }
    // The cursor moves past every meter of the page, also the complete ones.
    return onTargets(new Page<>(missing, arrived.page().continueAfter()), null);
  }

  private Behavior<Command> onMeters(Page<String> page, Throwable error) {
    if (error != null) {
      return onTargets(null, error);
    }
    return onTargets(new Page<>(page.rows().stream().map(id -> new Target(id, List.of(range))).toList(), page.continueAfter()), null);
  }

  private Behavior<Command> onTargets(Page<Target> page, Throwable error) {
    fetching = false;
    if (error != null) {
      log.error("mass read {}: meter source failed; no further meters will be found", jobId, error);
      progress.allFound();
    } else {
      waiting.addAll(page.rows());
      progress.found(page.rows().size());
      cursor = page.continueAfter();
      if (page.isLast()) {
        progress.allFound();
      }
    }
    refill();
    return maybeFinish();
  }

  private Behavior<Command> onReadDone(ReadDone done) {
    ReadOutcome outcome = done.outcome();
    Reading reading = inFlight.get(outcome.meterId());
    if (reading == null) {
      return this;
    }
    if (!(outcome instanceof ReadOutcome.Collected)) {
      reading.failed = true;
      MeterLog.warn(log, outcome.meterId(), "mass read {}: read failed: {}", jobId, outcome);
    }
    if (!reading.rest.isEmpty() && !cancelled) {
      readNext(outcome.meterId(), reading);
      return this;
    }
    inFlight.remove(outcome.meterId());
    if (reading.failed) {
      progress.failed();
    } else {
      progress.done();
    }
    refill();
    return maybeFinish();
  }

  private Behavior<Command> onCancel(Cancel cancel) {
    if (!cancelled) {
      cancelled = true;
      log.info("mass read {} cancelled with {} reads outstanding", jobId, inFlight.size());
    }
    cancel.replyTo().tell(progress.snapshot(State.CANCELLED));
    return maybeFinish();
  }

  private Behavior<Command> maybeFinish() {
    boolean drained = inFlight.isEmpty() && !fetching;
    if (!drained || !(cancelled || progress.finished())) {
      return this;
    }
    progress.stop();
    MassReadProgress last = progress.snapshot(cancelled ? State.CANCELLED : State.COMPLETED);
    log.info("mass read {} ended: {}", jobId, last);
    onFinished.tell(last);
    return Behaviors.stopped();
  }
}
