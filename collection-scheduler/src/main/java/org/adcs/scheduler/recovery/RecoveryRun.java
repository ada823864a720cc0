package org.adcs.scheduler.recovery;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.adcs.scheduler.MeterLog;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.outage.OutageMonitor;
import org.adcs.scheduler.outage.OutagePolicy;
import org.adcs.scheduler.port.OperatorAlert;
import org.adcs.scheduler.port.OperatorAlerts;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ReadSource;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.adcs.scheduler.trouble.TroubleReportPolicy;
import org.adcs.scheduler.workload.WorkloadManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One morning's completeness check and recovery (R-COL-3, R-MIS-1, R-MIS-2, R-MIS-6): streams the
 * read side's completeness a page at a time, requests every incomplete day of the window again through
 * the workload manager (source RECOVERY), up to the configured attempts per range, then hands each
 * meter the trouble policy would report to the trouble desk (R-MIS-4, a few at a time), appends
 * exception meters to the missing-data history (R-MIS-5), and finally replies with the exception
 * report and stops. The outage share (R-MIS-6) counts the meters that failed the previous day: older
 * gaps being caught up say nothing of an outage now.
 *
 * <p>Memory is bounded by the settings, not by the population: counts, at most two pages of meters
 * waiting, and one {@link MeterRecovery} per meter being recovered. The next page is asked for only
 * when the waiting meters fit (the paging is the back-pressure). When more than the outage policy's
 * share of meters is failing, fewer meters are recovered at once and the operator is alerted.
 */
public final class RecoveryRun extends AbstractBehavior<RecoveryRun.Command> {

  public sealed interface Command {}

  private record PageArrived(Page<MeterCompleteness> page, Throwable error) implements Command {}

  private record RangeRead(ReadOutcome outcome) implements Command {}

  private record RetryDue(String meterId) implements Command {}

  private enum FetchAgain implements Command { INSTANCE }

  private record DeskAnswered(String meterId, TroubleDesk.Evaluated answer, Throwable error) implements Command {}

  /** Evaluations outstanding at the trouble desk: it stashes while it persists, and that stash stays small. */
  private static final int MAX_DESK_EVALUATIONS = 16;
  private static final Duration DESK_TIMEOUT = Duration.ofSeconds(30);

  private record Evaluation(String meterId, DaySet completeDays) {}

  /** Read-side failures in a row before the run gives up and reports what it has. */
  private static final int MAX_PAGE_FAILURES = 5;

  /** Everything a run needs from outside. */
  public record Dependencies(
      CompletenessReadSide completeness,
      ActorRef<WorkloadManager.Command> workload,
      ActorRef<TroubleDesk.Command> troubleDesk,
      MissingDataHistory history,
      OperatorAlerts alerts,
      Clock clock) {}

  private static final Logger log = LoggerFactory.getLogger(RecoveryRun.class);

  private record Active(MeterRecovery recovery, DaySet completeDays) {}

  private final RecoverySettings settings;
  private final Dependencies deps;
  private final TimerScheduler<Command> timers;
  private final ActorRef<ExceptionReport> replyTo;
  private final LocalDate previousDay;
  private final DayRange window;
  private final RecoveryPlanner planner;
  private final OutageMonitor outage;
  private final ExceptionReportBuilder report;
  private final ActorRef<ReadOutcome> readReplies;
  private final ArrayDeque<MeterCompleteness> waiting = new ArrayDeque<>();
  private final Map<String, Active> active = new HashMap<>();
  private final ArrayDeque<Evaluation> toEvaluate = new ArrayDeque<>();
  private final TroubleReportPolicy troublePolicy;
  private int evaluating;
  private Optional<String> cursor = Optional.empty();
  private boolean fetching;
  private boolean scanDone;
  private boolean scanComplete = true;
  private int pageFailures;
  private long scanned;
  private long missingPreviousDay;

  /** Runs the check for the day before today (standard time) and replies with the exception report. */
  public static Behavior<Command> create(RecoverySettings settings, OutagePolicy outagePolicy, TroubleReportPolicy troublePolicy,
      IntervalGrid grid, Dependencies deps, ActorRef<ExceptionReport> replyTo) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new RecoveryRun(context, timers, settings, outagePolicy, troublePolicy, grid, deps, replyTo)));
  }

  private RecoveryRun(ActorContext<Command> context, TimerScheduler<Command> timers, RecoverySettings settings,
      OutagePolicy outagePolicy, TroubleReportPolicy troublePolicy, IntervalGrid grid, Dependencies deps,
      ActorRef<ExceptionReport> replyTo) {
    super(context);
    this.troublePolicy = troublePolicy;
    this.settings = settings;
    this.deps = deps;
    this.timers = timers;
    this.replyTo = replyTo;
    this.previousDay = grid.yesterday(deps.clock());
    this.window = new DayRange(previousDay.minusDays(settings.lookbackDays() - 1L), previousDay);
    this.planner = new RecoveryPlanner(grid);
    this.outage = new OutageMonitor(outagePolicy, settings.outageMinScanned());
    this.report = new ExceptionReportBuilder(previousDay, deps.clock().instant());
    this.readReplies = context.messageAdapter(ReadOutcome.class, RangeRead::new);
    log.info("completeness run for {} started, window {}", previousDay, window);
    fetchNextPage();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(PageArrived.class, this::onPage)
        .onMessage(RangeRead.class, this::onRangeRead)
        .onMessage(RetryDue.class, this::onRetryDue)
        .onMessage(DeskAnswered.class, this::onDeskAnswered)
        .onMessage(FetchAgain.class, f -> {
          fetchNextPage();
          return this;
        })
        .build();
  }

  private void fetchNextPage() {
    if (fetching || scanDone || waiting.size() >= settings.pageSize()) {
      return;
    }
    fetching = true;
    var request = new PageRequest(cursor, settings.pageSize());
    getContext().pipeToSelf(deps.completeness().completeness(previousDay, settings.lookbackDays(), request), PageArrived::new);
  }

  private Behavior<Command> onPage(PageArrived arrived) {
    fetching = false;
    if (arrived.error() != null) {
      pageFailures++;
      if (pageFailures < MAX_PAGE_FAILURES) {
        log.warn("completeness read side failed after {} meters (failure {}), asking again: {}", scanned, pageFailures, arrived.error().toString());
        timers.startSingleTimer(FetchAgain.INSTANCE, FetchAgain.INSTANCE, settings.retryDelay());
        return this;
      }
      // Without the read side the run cannot finish honestly: report what is known and say so.
      log.error("completeness read side failed {} times after {} meters; the report covers those only", pageFailures, scanned, arrived.error());
      scanDone = true;
      scanComplete = false;
      return maybeFinish();
    }
    pageFailures = 0;
    Page<MeterCompleteness> page = arrived.page();
    for (MeterCompleteness meter : page.rows()) {
      scanned++;
      if (meter.isComplete()) {
        report.onSchedule();
      } else {
        if (!meter.isCompleteOn(previousDay)) {
          missingPreviousDay++;
        }
        waiting.add(meter);
      }
    }
    outage.observeScan(scanned, missingPreviousDay).ifPresent(this::alert);
    cursor = page.continueAfter();
    scanDone = page.isLast();
    startRecoveries();
    fetchNextPage();
    return maybeFinish();
  }

  private void startRecoveries() {
    // A meter waiting for the trouble desk still holds its place, so the desk's queue is bounded too.
    while (!waiting.isEmpty() && active.size() + toEvaluate.size() + evaluating < outage.concurrency(settings.maxActiveMeters())) {
      MeterCompleteness meter = waiting.poll();
      if (active.containsKey(meter.meterId())) {
        MeterLog.warn(log, meter.meterId(), "listed twice by the completeness read side; recovered once");
        continue;
      }
      RecoveryPlan plan = planner.plan(meter, window);
      MeterLog.info(log, meter.meterId(), "missing data on {}: requesting {} range(s) again", plan.incompleteDays(), plan.ranges().size());
      var recovery = new MeterRecovery(plan, settings.maxAttempts());
      active.put(meter.meterId(), new Active(recovery, meter.completeDays()));
      requestNext(recovery);
    }
  }

  private void requestNext(MeterRecovery recovery) {
    Optional<MissingRange> next = recovery.next();
    if (next.isEmpty()) {
      finishMeter(recovery);
      return;
    }
    var request = new ReadRequest(recovery.meterId(), next.get().range(), ReadSource.RECOVERY, ReadPriority.RECOVERY);
    deps.workload().tell(new WorkloadManager.Read(request, readReplies));
  }

  private Behavior<Command> onRangeRead(RangeRead read) {
    ReadOutcome outcome = read.outcome();
    Active meter = active.get(outcome.meterId());
    if (meter == null) {
      MeterLog.warn(log, outcome.meterId(), "answer for a meter that is not being recovered: {}", outcome);
      return this;
    }
    MeterRecovery recovery = meter.recovery();
    MissingRange range = recovery.next().orElseThrow();
    int attempt = recovery.nextAttemptNumber();
    boolean failed = recovery.record(outcome);
    if (outcome instanceof ReadOutcome.Collected c) {
      MeterLog.info(log, c.meterId(), "recovery of {} attempt {}: {} of {} intervals via {}", range.days(), attempt,
          c.intervalsReceived(), range.intervals(), c.path());
    } else {
      MeterLog.warn(log, outcome.meterId(), "recovery of {} attempt {} failed: {}", range.days(), attempt, outcome);
    }
    if (failed && recovery.next().isPresent() && !settings.retryDelay().isZero()) {
      timers.startSingleTimer(recovery.meterId(), new RetryDue(recovery.meterId()), settings.retryDelay());
    } else {
      requestNext(recovery);
    }
    return maybeFinish();
  }

  private Behavior<Command> onRetryDue(RetryDue due) {
    Active meter = active.get(due.meterId());
    if (meter != null) {
      requestNext(meter.recovery());
    }
    return this;
  }

  private void finishMeter(MeterRecovery recovery) {
    Active meter = active.remove(recovery.meterId());
    MeterRecoveryResult result = recovery.result();
    report.add(result);
    if (result.daysRecovered().contains(previousDay)) {
      outage.meterRecovered().ifPresent(this::alert);
    }
    DaySet afterRecovery = meter.completeDays();
    for (LocalDate day : result.daysRecovered()) {
      afterRecovery = afterRecovery.with(day);
    }
    // Only meters the policy would report go to the desk, which decides for good (one open report per meter).
    if (troublePolicy.evaluate(afterRecovery).isPresent()) {
      toEvaluate.add(new Evaluation(recovery.meterId(), afterRecovery));
      evaluateNext();
    }
    deps.history().record(previousDay, result).whenComplete((ok, error) -> {
      if (error != null) {
        MeterLog.warn(log, result.meterId(), "missing-data history not written: {}", error.toString());
      }
    });
    MeterLog.info(log, result.meterId(), "recovery finished: {}, {} day(s) missing, {} recovered, {} read failure(s)",
        result.outcome(), result.daysMissing().size(), result.daysRecovered().size(), result.readFailures());
    startRecoveries();
    fetchNextPage();
  }

  private void evaluateNext() {
    while (evaluating < MAX_DESK_EVALUATIONS && !toEvaluate.isEmpty()) {
      Evaluation next = toEvaluate.poll();
      evaluating++;
      getContext().ask(TroubleDesk.Evaluated.class, deps.troubleDesk(), DESK_TIMEOUT,
          replyTo -> new TroubleDesk.Evaluate(next.meterId(), next.completeDays(), replyTo),
          (answer, error) -> new DeskAnswered(next.meterId(), answer, error));
    }
  }

  private Behavior<Command> onDeskAnswered(DeskAnswered answered) {
    evaluating--;
    if (answered.error() != null) {
      // The report is not lost for good: the meter is still missing tomorrow and is evaluated again.
      MeterLog.warn(log, answered.meterId(), "trouble desk did not answer: {}", answered.error().toString());
    }
    evaluateNext();
    startRecoveries();
    fetchNextPage();
    return maybeFinish();
  }

  private void alert(OutageMonitor.Transition transition) {
    var now = deps.clock().instant();
    OperatorAlert alert = transition.mode() == OutageMonitor.Mode.PACED
        ? new OperatorAlert.OutageSuspected(now, transition.failingShare(), outage.threshold(), outage.concurrency(settings.maxActiveMeters()))
        : new OperatorAlert.OutageCleared(now, transition.failingShare());
    log.warn("outage pacing: {}", alert);
    deps.alerts().raise(alert);
  }

  private Behavior<Command> maybeFinish() {
    if (!scanDone || fetching || !waiting.isEmpty() || !active.isEmpty() || !toEvaluate.isEmpty() || evaluating > 0) {
      return this;
    }
    ExceptionReport done = report.build(deps.clock().instant(), scanComplete);
    log.info("completeness run for {} finished: {}", previousDay, done.statistics());
    replyTo.tell(done);
    return Behaviors.stopped();
  }
}
