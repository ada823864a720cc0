package org.adcs.scheduler;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.nondefault.NonDefaultScheduleWatch;
import org.adcs.scheduler.outage.OutagePolicy;
import org.adcs.scheduler.port.OperatorAlerts;
import org.adcs.scheduler.readgroup.AssignmentReport;
import org.adcs.scheduler.readgroup.AssignmentRun;
import org.adcs.scheduler.readgroup.RebalanceRecord;
import org.adcs.scheduler.readgroup.RebalanceRun;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.NonDefaultScheduleReadSide;
import org.adcs.scheduler.records.RunRecords;
import org.adcs.scheduler.readside.ReadGroupReadSide;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.MissingDataHistory;
import org.adcs.scheduler.recovery.RecoveryRun;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.adcs.scheduler.workload.WorkloadManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's clockwork: each evening the assignment of unscheduled meters (R-SCH-2), each
 * morning the completeness check and recovery (R-MIS-1, R-MIS-2), each week the rebalancing review
 * (R-SCH-4), and all the time the watch over non-default schedules (R-MIS-3, a child actor).
 * Each job is a child actor that lives for one run; a job still running when its next time comes is
 * not started twice. Every report is saved to the {@link RunRecords} (retried; logged in full if the
 * store stays away), and the last of each kind is kept here for a quick look.
 */
public final class CollectionScheduler extends AbstractBehavior<CollectionScheduler.Command> {

  public sealed interface Command {}

  public record GetLastReports(ActorRef<LastReports> replyTo) implements Command {}

  public record LastReports(Optional<AssignmentReport> assignment, Optional<ExceptionReport> completeness,
      Optional<RebalanceRecord> rebalance) {}

  private enum Job { ASSIGNMENT, COMPLETENESS, REBALANCE }

  /** A look at the clock: is the job due yet? */
  private record Check(Job job) implements Command {}

  /**
   * How often a waiting job looks at the clock by default. The jobs' times are on the scheduler's
   * clock, but timers run on the wall clock: a timer for the whole wait would fire late after the
   * wall clock was stepped, or hours late on a clock that runs faster than the wall clock (a
   * simulation's). Looking again at least this often keeps each job within this of its time.
   */
  public static final Duration DEFAULT_CLOCK_CHECK = Duration.ofMinutes(1);

  private record AssignmentDone(AssignmentReport report) implements Command {}

  private record CompletenessDone(ExceptionReport report) implements Command {}

  private record RebalanceDone(RebalanceRecord record) implements Command {}

  private record LastRunKnown(Optional<LocalDate> previousDay, Throwable error) implements Command {}

  /** A run ended, with or without a report (a run that cannot read the read side stops without one). */
  private record RunEnded(Job job) implements Command {}

  private record SaveAgain(Object report, int attempt) implements Command {}

  private record Saved(Object report, int attempt, Throwable error) implements Command {}

  /** Saves of a report before the scheduler gives up and logs it whole, so the operator still has it. */
  private static final int MAX_SAVE_ATTEMPTS = 5;
  private static final Duration SAVE_RETRY = Duration.ofMinutes(1);

  /** What the scheduler needs from outside. */
  public record Dependencies(
      ReadGroupReadSide readGroups,
      CompletenessReadSide completeness,
      NonDefaultScheduleReadSide nonDefaultSchedules,
      MissingDataHistory history,
      OperatorAlerts alerts,
      ActorRef<WorkloadManager.Command> workload,
      ActorRef<TroubleDesk.Command> troubleDesk,
      RunRecords records,
      Clock clock) {}

  private static final Logger log = LoggerFactory.getLogger(CollectionScheduler.class);

  private final SchedulerSettings settings;
  private final IntervalGrid grid;
  private final OutagePolicy outagePolicy;
  private final Dependencies deps;
  private final TimerScheduler<Command> timers;
  private final Duration clockCheck;
  private final Map<Job, Instant> due = new EnumMap<>(Job.class);
  private boolean assignmentRunning;
  private boolean completenessRunning;
  private boolean rebalanceRunning;
  private AssignmentReport lastAssignment;
  private ExceptionReport lastCompleteness;
  private RebalanceRecord lastRebalance;

  public static Behavior<Command> create(SchedulerSettings settings, IntervalGrid grid, OutagePolicy outagePolicy, Dependencies deps) {
    return create(settings, grid, outagePolicy, deps, DEFAULT_CLOCK_CHECK);
  }

  /** @param clockCheck how often a waiting job looks at the scheduler's clock (R-SCH-2, R-MIS-1, R-SCH-4 on time) */
  public static Behavior<Command> create(SchedulerSettings settings, IntervalGrid grid, OutagePolicy outagePolicy, Dependencies deps,
      Duration clockCheck) {
    if (clockCheck.isNegative() || clockCheck.isZero()) {
      throw new IllegalArgumentException("clock check period must be positive, was " + clockCheck);
    }
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new CollectionScheduler(context, timers, settings, grid, outagePolicy,
        deps, clockCheck)));
  }

  private CollectionScheduler(ActorContext<Command> context, TimerScheduler<Command> timers, SchedulerSettings settings,
      IntervalGrid grid, OutagePolicy outagePolicy, Dependencies deps, Duration clockCheck) {
    super(context);
    this.clockCheck = clockCheck;
    this.settings = settings;
    this.grid = grid;
    this.outagePolicy = outagePolicy;
    this.deps = deps;
    this.timers = timers;
    for (Job job : Job.values()) {
      scheduleNext(job);
    }
    // A restart after the morning's time must not skip the morning: catch up if today's run is not on record.
    context.pipeToSelf(deps.records().lastCompletenessRun(), LastRunKnown::new);
    context.spawn(NonDefaultScheduleWatch.create(settings.nonDefault(), deps.nonDefaultSchedules(), deps.records(), deps.workload(),
        deps.clock(), grid.standardOffset()), "non-default-schedule-watch");
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Check.class, this::onCheck)
        .onMessage(AssignmentDone.class, d -> {
          assignmentRunning = false;
          lastAssignment = d.report();
          save(d.report(), 1);
          return this;
        })
        .onMessage(CompletenessDone.class, d -> {
          completenessRunning = false;
          lastCompleteness = d.report();
          save(d.report(), 1);
          return this;
        })
        .onMessage(RebalanceDone.class, d -> {
          rebalanceRunning = false;
          lastRebalance = d.record();
          save(d.record(), 1);
          return this;
        })
        .onMessage(SaveAgain.class, again -> {
          save(again.report(), again.attempt());
          return this;
        })
        .onMessage(Saved.class, this::onSaved)
        .onMessage(LastRunKnown.class, this::onLastRunKnown)
        .onMessage(RunEnded.class, e -> {
          switch (e.job()) {
            case ASSIGNMENT -> assignmentRunning = false;
            case COMPLETENESS -> completenessRunning = false;
            case REBALANCE -> rebalanceRunning = false;
          }
          return this;
        })
        .onMessage(GetLastReports.class, g -> {
          g.replyTo().tell(new LastReports(Optional.ofNullable(lastAssignment), Optional.ofNullable(lastCompleteness),
              Optional.ofNullable(lastRebalance)));
          return this;
        })
        .build();
  }

  private Behavior<Command> onLastRunKnown(LastRunKnown known) {
    if (known.error() != null) {
      log.warn("last completeness run unknown ({}); the next runs at {}", known.error().toString(), settings.completenessAt());
      return this;
    }
    var now = LocalDateTime.ofInstant(deps.clock().instant(), grid.standardOffset());
    LocalDate yesterday = now.toLocalDate().minusDays(1);
    boolean dueToday = !now.toLocalTime().isBefore(settings.completenessAt());
    boolean done = known.previousDay().filter(day -> !day.isBefore(yesterday)).isPresent();
    if (dueToday && !done && !completenessRunning) {
      log.warn("this morning's completeness run is not on record (last: {}); running it now", known.previousDay().orElse(null));
      runCompleteness();
    }
    return this;
  }

  private void scheduleNext(Job job) {
    Duration delay = switch (job) {
      case ASSIGNMENT -> NextOccurrence.daily(deps.clock(), grid.standardOffset(), settings.assignmentAt());
      case COMPLETENESS -> NextOccurrence.daily(deps.clock(), grid.standardOffset(), settings.completenessAt());
      case REBALANCE -> NextOccurrence.weekly(deps.clock(), grid.standardOffset(), settings.rebalanceDay(), settings.rebalanceAt());
    };
    due.put(job, deps.clock().instant().plus(delay));
    timers.startSingleTimer(job, new Check(job), delay.compareTo(clockCheck) < 0 ? delay : clockCheck);
  }

  /** Runs the job once its time has come on the scheduler's clock, else looks again later. */
  private Behavior<Command> onCheck(Check check) {
    Duration left = Duration.between(deps.clock().instant(), due.get(check.job()));
    if (left.isNegative() || left.isZero()) {
      return onJobDue(check.job());
    }
    timers.startSingleTimer(check.job(), check, left.compareTo(clockCheck) < 0 ? left : clockCheck);
    return this;
  }

  private Behavior<Command> onJobDue(Job job) {
    var context = getContext();
    switch (job) {
      case ASSIGNMENT -> {
        if (assignmentRunning) {
          log.warn("nightly assignment still running from the last time; not started again");
        } else {
          assignmentRunning = true;
          watch(job, context.spawnAnonymous(AssignmentRun.create(settings.window(), settings.assignment(), deps.readGroups(),
              deps.workload(), deps.clock(), context.messageAdapter(AssignmentReport.class, AssignmentDone::new))));
        }
      }
      case COMPLETENESS -> {
        if (completenessRunning) {
          log.warn("completeness run still running from the last time; not started again");
        } else {
          runCompleteness();
        }
      }
      case REBALANCE -> {
        if (rebalanceRunning) {
          log.warn("rebalancing review still running from the last time; not started again");
        } else {
          rebalanceRunning = true;
          LocalDate lastDay = grid.today(deps.clock()).minusDays(1);
          LocalDate firstDay = lastDay.minusDays(settings.rebalancePeriodDays() - 1L);
          watch(job, context.spawnAnonymous(RebalanceRun.create(settings.window(), settings.rebalancePolicy(), firstDay, lastDay,
              settings.assignment().maxInFlight(), deps.readGroups(), deps.workload(), deps.clock(),
              context.messageAdapter(RebalanceRecord.class, RebalanceDone::new))));
        }
      }
    }
    scheduleNext(job);
    return this;
  }

  private void save(Object report, int attempt) {
    CompletionStage<Void> saving;
    try {
      if (report instanceof AssignmentReport a) {
        saving = deps.records().saveAssignment(a);
      } else if (report instanceof ExceptionReport e) {
        saving = deps.records().saveExceptionReport(e);
      } else {
        saving = deps.records().saveRebalance((RebalanceRecord) report);
      }
    } catch (RuntimeException e) {
      saving = CompletableFuture.failedFuture(e);
    }
    getContext().pipeToSelf(saving, (ok, error) -> new Saved(report, attempt, error));
  }

  private Behavior<Command> onSaved(Saved saved) {
    if (saved.error() == null) {
      return this;
    }
    if (saved.attempt() < MAX_SAVE_ATTEMPTS) {
      log.warn("report not saved (attempt {}), trying again in {}: {}", saved.attempt(), SAVE_RETRY, saved.error().toString());
      timers.startSingleTimer(new SaveAgain(saved.report(), saved.attempt() + 1), SAVE_RETRY);
    } else {
      log.error("report not saved after {} attempts; here it is in full: {}", saved.attempt(), saved.report(), saved.error());
    }
    return this;
  }

  private void runCompleteness() {
    completenessRunning = true;
    var context = getContext();
    var runDeps = new RecoveryRun.Dependencies(deps.completeness(), deps.workload(), deps.troubleDesk(), deps.history(),
        deps.alerts(), deps.clock());
    watch(Job.COMPLETENESS, context.spawnAnonymous(RecoveryRun.create(settings.recovery(), outagePolicy, settings.trouble(), grid,
        runDeps, context.messageAdapter(ExceptionReport.class, CompletenessDone::new))));
  }

  private void watch(Job job, ActorRef<?> run) {
    getContext().watchWith(run, new RunEnded(job));
  }
}
