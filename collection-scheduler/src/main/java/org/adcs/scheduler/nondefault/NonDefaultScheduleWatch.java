package org.adcs.scheduler.nondefault;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.scheduler.MeterLog;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ReadSource;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;
import org.adcs.scheduler.port.TimeRange;
import org.adcs.scheduler.readside.NonDefaultScheduleReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ScheduledMeter;
import org.adcs.scheduler.records.RunRecords;
import org.adcs.scheduler.workload.WorkloadManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches meters on non-default schedules (R-MIS-3). Every {@code checkEvery} it pages through the
 * active schedules and finds misses ({@link MissDetector}); each miss is recovered after the retry
 * delay, up to the configured attempts: first the schedule is verified in the meter and written again
 * if it is not set, then the missing range is read (source RECOVERY). The day's outcome is an
 * exception report. Holds one entry per meter being recovered, the day's counts and the failed lines
 * up to a limit.
 */
public final class NonDefaultScheduleWatch extends AbstractBehavior<NonDefaultScheduleWatch.Command> {

  public sealed interface Command {}

  /** The current standard day's report. */
  public record GetReport(ActorRef<NonDefaultReport> replyTo) implements Command {}

  private enum Check implements Command { INSTANCE }

  private record PageArrived(Page<ScheduledMeter> page, Throwable error) implements Command {}

  private record AttemptDue(String meterId) implements Command {}

  private record Verified(ScheduleVerification verification) implements Command {}

  private record Rewritten(ScheduleAck ack) implements Command {}

  private record RangeRead(ReadOutcome outcome) implements Command {}

  private static final Logger log = LoggerFactory.getLogger(NonDefaultScheduleWatch.class);
  private static final int PAGE = 1000;

  /** One miss being recovered. */
  private static final class Recovery {
    final ScheduledMeter meter;
    final TimeRange missing;
    int attempts;
    int rewrites;

    Recovery(ScheduledMeter meter, TimeRange missing) {
      this.meter = meter;
      this.missing = missing;
    }
  }

  private final NonDefaultSettings settings;
  private final NonDefaultScheduleReadSide readSide;
  private final RunRecords records;
  private final ActorRef<WorkloadManager.Command> workload;
  private final Clock clock;
  private final ZoneOffset standardOffset;
  private final TimerScheduler<Command> timers;
  private final ActorRef<ScheduleVerification> verifyReplies;
  private final ActorRef<ScheduleAck> writeReplies;
  private final ActorRef<ReadOutcome> readReplies;
  private final Map<String, Recovery> active = new HashMap<>();
  private Optional<String> cursor = Optional.empty();
  private boolean checking;
  private LocalDate day;
  private long detected;
  private long recovered;
  private long failed;
  private long rewritten;
  private final List<NonDefaultMiss> failures = new ArrayList<>();

  public static Behavior<Command> create(NonDefaultSettings settings, NonDefaultScheduleReadSide readSide, RunRecords records,
      ActorRef<WorkloadManager.Command> workload, Clock clock, ZoneOffset standardOffset) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new NonDefaultScheduleWatch(context, timers, settings, readSide, records, workload, clock, standardOffset)));
  }

  private NonDefaultScheduleWatch(ActorContext<Command> context, TimerScheduler<Command> timers, NonDefaultSettings settings,
      NonDefaultScheduleReadSide readSide, RunRecords records, ActorRef<WorkloadManager.Command> workload, Clock clock,
      ZoneOffset standardOffset) {
    super(context);
    this.settings = settings;
    this.readSide = readSide;
    this.records = records;
    this.workload = workload;
    this.clock = clock;
    this.standardOffset = standardOffset;
    this.timers = timers;
    this.verifyReplies = context.messageAdapter(ScheduleVerification.class, Verified::new);
    this.writeReplies = context.messageAdapter(ScheduleAck.class, Rewritten::new);
    this.readReplies = context.messageAdapter(ReadOutcome.class, RangeRead::new);
    this.day = today();
    timers.startTimerWithFixedDelay(Check.INSTANCE, Check.INSTANCE, settings.checkEvery());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Check.class, c -> onCheck())
        .onMessage(PageArrived.class, this::onPage)
        .onMessage(AttemptDue.class, this::onAttemptDue)
        .onMessage(Verified.class, this::onVerified)
        .onMessage(Rewritten.class, this::onRewritten)
        .onMessage(RangeRead.class, this::onRangeRead)
        .onMessage(GetReport.class, g -> {
          rollDay();
          g.replyTo().tell(new NonDefaultReport(day, detected, recovered, failed, rewritten, failures));
          return this;
        })
        .build();
  }

  private Behavior<Command> onCheck() {
    rollDay();
    if (!checking) {
      checking = true;
      cursor = Optional.empty();
      fetch();
    }
    return this;
  }

  private void fetch() {
    getContext().pipeToSelf(readSide.activeSchedules(clock.instant(), new PageRequest(cursor, PAGE)), PageArrived::new);
  }

  private Behavior<Command> onPage(PageArrived arrived) {
    if (arrived.error() != null) {
      log.warn("non-default schedules unavailable; checked again in {}: {}", settings.checkEvery(), arrived.error().toString());
      checking = false;
      return this;
    }
    var now = clock.instant();
    for (ScheduledMeter meter : arrived.page().rows()) {
      if (active.containsKey(meter.meterId()) || active.size() >= settings.maxActiveMeters()) {
        continue; // being recovered, or no room: a later check finds it again
      }
      MissDetector.missing(meter, now).ifPresent(range -> {
        detected++;
        active.put(meter.meterId(), new Recovery(meter, range));
        MeterLog.warn(log, meter.meterId(), "non-default schedule {} missed data {}..{}; recovery in {}", meter.schedule().scheduleId(),
            range.from(), range.to(), settings.retryDelay());
        timers.startSingleTimer(meter.meterId(), new AttemptDue(meter.meterId()), settings.retryDelay());
      });
    }
    if (arrived.page().isLast()) {
      checking = false;
    } else {
      cursor = arrived.page().continueAfter();
      fetch();
    }
    return this;
  }

  private Behavior<Command> onAttemptDue(AttemptDue due) {
    Recovery r = active.get(due.meterId());
    if (r != null) {
      r.attempts++;
      workload.tell(new WorkloadManager.VerifySchedule(r.meter.meterId(), r.meter.schedule().scheduleId(), ReadPriority.RECOVERY, verifyReplies));
    }
    return this;
  }

  private Behavior<Command> onVerified(Verified verified) {
    Recovery r = active.get(verified.verification().meterId());
    if (r == null) {
      return this;
    }
    if (verified.verification().setInMeter()) {
      read(r);
    } else {
      r.rewrites++;
      rewritten++;
      MeterLog.warn(log, r.meter.meterId(), "non-default schedule {} not set in the meter; writing it again", r.meter.schedule().scheduleId());
      workload.tell(new WorkloadManager.WriteNonDefaultSchedule(r.meter.meterId(), r.meter.schedule(), ReadPriority.RECOVERY, writeReplies));
    }
    return this;
  }

  private Behavior<Command> onRewritten(Rewritten rewrittenAck) {
    Recovery r = active.get(rewrittenAck.ack().meterId());
    if (r != null) {
      // Read even when the write was not acknowledged: the data may still be in the meter.
      read(r);
    }
    return this;
  }

  private void read(Recovery r) {
    var request = new ReadRequest(r.meter.meterId(), r.missing, ReadSource.RECOVERY, ReadPriority.RECOVERY);
    workload.tell(new WorkloadManager.Read(request, readReplies));
  }

  private Behavior<Command> onRangeRead(RangeRead read) {
    ReadOutcome outcome = read.outcome();
    Recovery r = active.get(outcome.meterId());
    if (r == null) {
      return this;
    }
    boolean complete = outcome instanceof ReadOutcome.Collected c && c.complete();
    if (complete) {
      finish(r, true);
    } else if (r.attempts < settings.maxAttempts()) {
      MeterLog.warn(log, r.meter.meterId(), "non-default recovery attempt {} incomplete: {}", r.attempts, outcome);
      timers.startSingleTimer(r.meter.meterId(), new AttemptDue(r.meter.meterId()), settings.retryDelay());
    } else {
      finish(r, false);
    }
    return this;
  }

  private void finish(Recovery r, boolean ok) {
    active.remove(r.meter.meterId());
    rollDay();
    var miss = new NonDefaultMiss(r.meter.meterId(), r.meter.schedule().scheduleId(), r.missing, r.attempts, r.rewrites, ok);
    if (ok) {
      recovered++;
      MeterLog.info(log, r.meter.meterId(), "non-default schedule data recovered after {} attempt(s)", r.attempts);
    } else {
      failed++;
      if (failures.size() < settings.maxListed()) {
        failures.add(miss);
      }
      MeterLog.warn(log, r.meter.meterId(), "non-default schedule data not recovered after {} attempts", r.attempts);
    }
  }

  /** A new standard day starts a new report; the finished day's report is saved. */
  private void rollDay() {
    LocalDate today = today();
    if (!today.equals(day)) {
      var finished = new NonDefaultReport(day, detected, recovered, failed, rewritten, failures);
      records.saveNonDefaultReport(finished).whenComplete((ok, error) -> {
        if (error != null) {
          log.error("non-default exception report for {} not saved; here it is in full: {}", finished.day(), finished, error);
        }
      });
      day = today;
      detected = 0;
      recovered = 0;
      failed = 0;
      rewritten = 0;
      failures.clear();
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), standardOffset);
  }
}
