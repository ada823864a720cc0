package org.adcs.headend.scheduling;

import org.adcs.headend.alerts.Notice;
import org.adcs.headend.alerts.Notices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel;
import org.adcs.mdm.readside.ScheduleReadSideWriter;
import org.adcs.mdm.readside.StoredSchedule;

/**
 * What each meter entity event means for the scheduling read side. The event's sequence number
 * orders the writes, so the same event twice, or an older one after a newer, changes nothing.
 */
public final class ScheduleEventFeed {

  private final ScheduleReadSideWriter writer;
  private final ZoneOffset standardTime;
  private final Notices notices;

  public ScheduleEventFeed(ScheduleReadSideWriter writer, ZoneOffset standardTime) {
    this(writer, standardTime, Notices.NONE);
  }

  /** @param notices where a meter's clock error is raised for operators (keyed by the event, so a replay adds none) */
  public ScheduleEventFeed(ScheduleReadSideWriter writer, ZoneOffset standardTime, Notices notices) {
    this.writer = writer;
    this.standardTime = standardTime;
    this.notices = notices;
  }

  /** @param written when the event was journalled; only used where the event carries no time of its own */
  public CompletionStage<Void> apply(String meterId, long seq, Instant written, Meter.Event event) {
    if (event instanceof Meter.MeterSelfRegistered e) {
      return writer.registered(meterId, e.at(), seq);
    }
    if (event instanceof Meter.DefaultScheduleAssigned e) {
      return writer.defaultScheduleAssigned(meterId, e.readGroup(), e.readTime(), seq).thenApply(changed -> null);
    }
    if (event instanceof Meter.ScheduleAcknowledged e && e.scheduleId().equals("default")) {
      return writer.defaultScheduleAcknowledged(meterId, e.at(), seq);
    }
    if (event instanceof Meter.ExtraScheduleSet e) {
      return writer.nonDefaultScheduleSet(stored(meterId, e.schedule(), written), seq);
    }
    if (event instanceof Meter.ExtraScheduleCancelled e) {
      return writer.nonDefaultScheduleCancelled(meterId, e.id(), seq);
    }
    if (event instanceof Meter.IntervalsCollected e) {
      return collected(meterId, e.delivery());
    }
    if (event instanceof Meter.ClockErrorRaised e) {
      // R-CLK-1: a drift beyond correction is left for the operator.
      notices.raise(new Notice("clock-error:" + meterId + ":" + seq, Notice.Kind.CLOCK_ERROR, Optional.of(meterId), e.at(),
          "meter clock drift of " + e.drift().toSeconds() + " s, beyond what the head-end corrects; left alone"));
    }
    return CompletableFuture.completedFuture(null);
  }

  private CompletionStage<Void> collected(String meterId, MeterModel.Delivery delivery) {
    List<CompletionStage<Void>> writes = new ArrayList<>();
    receivedThrough(delivery).ifPresent(through -> writes.add(writer.dataReceivedThrough(meterId, through)));
    if (delivery.source() == MeterModel.Source.SCHEDULED) {
      // The daily push in the morning window carries the days before it (R-SCH-4 compares its arrival
      // with the group's slot); intervals of the arrival day itself are not that day's collection.
      LocalDate arrivalDay = LocalDate.ofInstant(delivery.receivedAt(), standardTime);
      TreeSet<LocalDate> days = new TreeSet<>();
      delivery.days().stream().map(MeterModel.ChannelDay::day).filter(day -> day.isBefore(arrivalDay)).forEach(days::add);
      if (!days.isEmpty()) {
        writes.add(writer.scheduledDataArrived(meterId, days, delivery.receivedAt()));
      }
    }
    return CompletableFuture.allOf(writes.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
  }

  /** The end of the newest interval the delivery holds (R-MIS-3), on the meters' standard time. */
  Optional<Instant> receivedThrough(MeterModel.Delivery delivery) {
    Instant through = null;
    for (MeterModel.ChannelDay day : delivery.days()) {
      BitSet present = day.presentIntervals();
      int last = present.length() - 1;
      if (last < 0) {
        continue;
      }
      Instant end = day.day().atStartOfDay().plusMinutes((long) (last + 1) * day.intervalMinutes()).toInstant(standardTime);
      through = through == null || end.isAfter(through) ? end : through;
    }
    return Optional.ofNullable(through);
  }

  /**
   * An extra schedule as the scheduler sees one (R-SCH-5): from its first day's start time, until the
   * end time of its last day (or that day's end), every frequency.
   */
  StoredSchedule stored(String meterId, MeterModel.ExtraSchedule schedule, Instant written) {
    LocalTime dailyStart = schedule.start() == null ? LocalTime.MIDNIGHT : schedule.start();
    Instant start = schedule.from() == null ? written : LocalDateTime.of(schedule.from(), dailyStart).toInstant(standardTime);
    Optional<Instant> end = Optional.empty();
    if (schedule.until() != null) {
      Instant endOfLastDay = schedule.until().plusDays(1).atStartOfDay().toInstant(standardTime);
      Instant last = schedule.end() == null ? endOfLastDay : LocalDateTime.of(schedule.until(), schedule.end()).toInstant(standardTime);
      end = Optional.of(last.isAfter(start) ? last : endOfLastDay);
    }
    return new StoredSchedule(meterId, schedule.id(), start, end, schedule.frequency(), schedule.setBy());
  }
}
