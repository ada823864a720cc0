package org.adcs.headend.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.scheduler.readgroup.ReadGroup;

/**
 * The scheduler's way to the meters: commands to the meter entities through sharding, wherever in
 * the cluster they live. Every ask has a timeout; a timeout completes the stage exceptionally, which
 * the workload manager counts as a failure (R-OD-4).
 */
public final class EntityMeterPort implements MeterPort {

  /** Who the meter's log names as the source of the scheduler's schedule writes (R-SCH-5). */
  static final String SCHEDULER = "collection-scheduler";

  private final MeterSharding meters;
  private final CollectionWindow window;
  private final ZoneOffset standardTime;
  private final Clock clock;
  private final Duration commandTimeout;

  /** @param commandTimeout how long the entity may take to record a command (the meter's answer has its own) */
  public EntityMeterPort(MeterSharding meters, CollectionWindow window, ZoneOffset standardTime, Clock clock, Duration commandTimeout) {
    this.meters = meters;
    this.window = window;
    this.standardTime = standardTime;
    this.clock = clock;
    this.commandTimeout = commandTimeout;
  }

  @Override
  public CompletionStage<ReadOutcome> read(ReadRequest request) {
    return CompletableFuture.completedFuture(new ReadOutcome.Failed(request.meterId(),
        "range reads through the meter entity are not available yet (Meter.ReadRange)"));
  }

  @Override
  public CompletionStage<ScheduleAck> setDefaultSchedule(String meterId, LocalTime readTime) {
    ReadGroup group = window.groupAt(readTime).orElseThrow(() -> new IllegalArgumentException(
        "read time " + readTime + " is outside the collection window " + window.start() + ".." + window.end()));
    return meters.meter(meterId).<Meter.Reply>ask(replyTo -> new Meter.AssignDefaultSchedule(group.index(), readTime, SCHEDULER, replyTo),
        commandTimeout).thenApply(reply -> reply instanceof Meter.Rejected rejected
            ? new ScheduleAck.NotAcknowledged(meterId, rejected.reason())
            : new ScheduleAck.NotAcknowledged(meterId, "recorded; the meter's acknowledgement cannot be awaited yet (Meter.AwaitScheduleWrite)"));
  }

  @Override
  public CompletionStage<ScheduleAck> setNonDefaultSchedule(String meterId, NonDefaultSchedule schedule) {
    boolean cancel = schedule.end().filter(end -> !end.isAfter(clock.instant())).isPresent();
    CompletionStage<Meter.Reply> recorded = cancel
        ? meters.meter(meterId).ask(replyTo -> new Meter.CancelExtraSchedule(schedule.scheduleId(), schedule.requestedBy(), replyTo),
            commandTimeout)
        : meters.meter(meterId).ask(replyTo -> new Meter.SetExtraSchedule(extra(schedule), replyTo), commandTimeout);
    return recorded.thenApply(reply -> reply instanceof Meter.Rejected rejected
        ? new ScheduleAck.NotAcknowledged(meterId, rejected.reason())
        : new ScheduleAck.NotAcknowledged(meterId, "recorded; the meter's acknowledgement cannot be awaited yet (Meter.AwaitScheduleWrite)"));
  }

  @Override
  public CompletionStage<ScheduleVerification> verifySchedule(String meterId, String scheduleId) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("schedule verification needs Meter.VerifySchedule"));
  }

  /** The scheduler's schedule as the entity records it: start and end on the meters' standard time. */
  ExtraSchedule extra(NonDefaultSchedule schedule) {
    LocalDateTime start = LocalDateTime.ofInstant(schedule.start(), standardTime);
    LocalDateTime end = schedule.end().map(e -> LocalDateTime.ofInstant(e, standardTime)).orElse(null);
    return new ExtraSchedule(schedule.scheduleId(), start.toLocalTime(), end == null ? null : end.toLocalTime(), schedule.frequency(),
        start.toLocalDate(), end == null ? null : end.toLocalDate(), schedule.requestedBy(), "set by " + SCHEDULER, false);
  }
}
