package org.adcs.scheduler.massread;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
import org.adcs.scheduler.workload.WorkloadManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mass on-demand read (R-OD-3): reads the target's days from every meter of a list, a read group,
 * or every meter missing data in the timeframe, through the workload manager at mass-read priority
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
  private final Sources sources;
  private final ActorRef<WorkloadManager.Command> workload;
  private final ActorRef<MassReadProgress> onFinished;
  private final ActorRef<ReadOutcome> readReplies;
  private final ProgressMeter progress;
  private final ArrayDeque<String> waiting = new ArrayDeque<>();
  private final Set<String> inFlight = new HashSet<>();
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
      String next = nextMeter();
      if (next == null) {
        break;
      }
      inFlight.add(next);
      workload.tell(new WorkloadManager.Read(new ReadRequest(next, range, ReadSource.ON_DEMAND, ReadPriority.MASS_READ), readReplies));
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

  private String nextMeter() {
    if (target instanceof MassReadTarget.MeterList list) {
      return listPosition < list.meterIds().size() ? list.meterIds().get(listPosition++) : null;
    }
    return waiting.poll();
  }

  private Behavior<Command> onCompleteness(CompletenessArrived arrived) {
    if (arrived.error() != null) {
      return onMeters(null, arrived.error());
    }
    var ids = arrived.page().rows().stream().filter(m -> !m.isComplete()).map(MeterCompleteness::meterId).toList();
    // The cursor moves past every meter of the page, also the complete ones.
    var lastKey = arrived.page().continueAfter();
    return onMeters(new Page<>(ids, lastKey), null);
  }

  private Behavior<Command> onMeters(Page<String> page, Throwable error) {
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
    if (!inFlight.remove(outcome.meterId())) {
      return this;
    }
    if (outcome instanceof ReadOutcome.Collected) {
      progress.done();
    } else {
      progress.failed();
      MeterLog.warn(log, outcome.meterId(), "mass read {}: read failed: {}", jobId, outcome);
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
