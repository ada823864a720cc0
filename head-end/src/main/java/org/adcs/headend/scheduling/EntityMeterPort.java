package org.adcs.headend.scheduling;

import akka.actor.Address;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionStage;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.headend.meter.MeterState;
import org.adcs.scheduler.completeness.IntervalGrid;
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
 * the cluster they live. Every ask has a timeout from configuration; a timeout completes the stage
 * exceptionally, which the workload manager counts as a failure (R-OD-4).
 */
public final class EntityMeterPort implements MeterPort {

  /** Who the meter's log names as the source of the scheduler's schedule writes (R-SCH-5). */
  static final String SCHEDULER = "collection-scheduler";

  /** How long each kind of ask may take. */
  public record Timeouts(Duration command, Duration scheduleAck, Duration read) {}

  private final MeterSharding meters;
  private final CollectionWindow window;
  private final IntervalGrid grid;
  private final Clock clock;
  private final Timeouts timeouts;

  public EntityMeterPort(MeterSharding meters, CollectionWindow window, IntervalGrid grid, Clock clock, Timeouts timeouts) {
    this.meters = meters;
    this.window = window;
    this.grid = grid;
    this.clock = clock;
    this.timeouts = timeouts;
  }

  /**
   * R-MIS-1, R-OD-3: the entity reads the range from the meter and stores it with the request's
   * source before it answers; the path logged with a success is the meter's connection kind and the
   * node holding its connection.
   */
  @Override
  public CompletionStage<ReadOutcome> read(ReadRequest request) {
    String meterId = request.meterId();
    int requested = (int) (request.range().length().toSeconds() / grid.interval().toSeconds());
    MeterModel.Source source = MeterModel.Source.valueOf(request.source().name());
    return meters.meter(meterId).<MeterRequests.ReadResult>ask(replyTo -> new Meter.ReadRange(request.range().from(),
            request.range().to(), source, SCHEDULER + " (" + request.priority().name().toLowerCase() + ")", replyTo), timeouts.read())
        .thenCompose(result -> {
          if (!result.ok()) {
            return java.util.concurrent.CompletableFuture.completedFuture(new ReadOutcome.Failed(meterId, result.detail()));
          }
          int received = Math.min(requested, result.intervalsReceived());
          return meters.meter(meterId).<MeterState>ask(Meter.GetStatus::new, timeouts.command())
              .thenApply(state -> (ReadOutcome) new ReadOutcome.Collected(meterId, requested, received, path(state)));
        });
  }

  static String path(MeterState state) {
    String kind = state.registration() == null ? "unknown connection" : state.registration().connection().name();
    if (state.session() == null) {
      return kind + " via unknown node";
    }
    Address node = state.session().path().address();
    return kind + " via " + (node.hasGlobalScope() ? node.hostPort() : "local node");
  }

  /** R-SCH-2, R-SCH-3: records the read time in its group, then waits for the meter's acknowledgement. */
  @Override
  public CompletionStage<ScheduleAck> setDefaultSchedule(String meterId, LocalTime readTime) {
    ReadGroup group = window.groupAt(readTime).orElseThrow(() -> new IllegalArgumentException(
        "read time " + readTime + " is outside the collection window " + window.start() + ".." + window.end()));
    return meters.meter(meterId).<Meter.Reply>ask(replyTo -> new Meter.AssignDefaultSchedule(group.index(), readTime, SCHEDULER, replyTo),
        timeouts.command()).thenCompose(reply -> acknowledgement(meterId, "default", reply));
  }

  /**
   * R-SCH-5: sets or updates the schedule and waits for the meter's acknowledgement; a schedule whose
   * end has passed is cancelled, which the entity records at once.
   */
  @Override
  public CompletionStage<ScheduleAck> setNonDefaultSchedule(String meterId, NonDefaultSchedule schedule) {
    boolean cancel = schedule.end().filter(end -> !end.isAfter(clock.instant())).isPresent();
    if (cancel) {
      return meters.meter(meterId).<Meter.Reply>ask(replyTo -> new Meter.CancelExtraSchedule(schedule.scheduleId(),
          schedule.requestedBy(), replyTo), timeouts.command()).thenApply(reply -> reply instanceof Meter.Rejected rejected
              ? new ScheduleAck.NotAcknowledged(meterId, rejected.reason())
              : new ScheduleAck.Acknowledged(meterId, clock.instant()));
    }
    return meters.meter(meterId).<Meter.Reply>ask(replyTo -> new Meter.SetExtraSchedule(extra(schedule), replyTo), timeouts.command())
        .thenCompose(reply -> acknowledgement(meterId, schedule.scheduleId(), reply));
  }

  /** R-MIS-3: the entity reads the schedule back from the meter and compares it with what it recorded. */
  @Override
  public CompletionStage<ScheduleVerification> verifySchedule(String meterId, String scheduleId) {
    return meters.meter(meterId).<MeterRequests.Outcome>ask(replyTo -> new Meter.VerifySchedule(scheduleId, replyTo), timeouts.read())
        .thenApply(outcome -> new ScheduleVerification(meterId, scheduleId, outcome.ok()));
  }

  private CompletionStage<ScheduleAck> acknowledgement(String meterId, String scheduleId, Meter.Reply recorded) {
    if (recorded instanceof Meter.Rejected rejected) {
      return java.util.concurrent.CompletableFuture.completedFuture(new ScheduleAck.NotAcknowledged(meterId, rejected.reason()));
    }
    return meters.meter(meterId).<MeterRequests.Outcome>ask(replyTo -> new Meter.AwaitScheduleWrite(scheduleId, replyTo),
            timeouts.scheduleAck())
        .thenApply(outcome -> outcome.ok()
            ? new ScheduleAck.Acknowledged(meterId, outcome.at() == null ? clock.instant() : outcome.at())
            : new ScheduleAck.NotAcknowledged(meterId, outcome.detail()));
  }

  /**
   * The scheduler's schedule (from a start, every frequency, until an end) as the entity's daily
   * schedule: the daily first read is on the start's phase (so reads repeat every frequency around
   * the clock), from the start's day to the end's day, on the meters' standard time.
   */
  ExtraSchedule extra(NonDefaultSchedule schedule) {
    ZoneOffset standardTime = grid.standardOffset();
    LocalDateTime start = LocalDateTime.ofInstant(schedule.start(), standardTime);
    long every = schedule.frequency().toSeconds();
    LocalTime firstOfDay = every >= 86_400 ? start.toLocalTime() : LocalTime.ofSecondOfDay(start.toLocalTime().toSecondOfDay() % every);
    var until = schedule.end().map(end -> LocalDateTime.ofInstant(end.minusSeconds(1), standardTime).toLocalDate()).orElse(null);
    return new ExtraSchedule(schedule.scheduleId(), firstOfDay, null, schedule.frequency(), start.toLocalDate(), until,
        schedule.requestedBy(), "set by " + SCHEDULER, false);
  }
}
