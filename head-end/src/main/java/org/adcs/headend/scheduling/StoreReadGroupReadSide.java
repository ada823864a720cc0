package org.adcs.headend.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.adcs.mdm.readside.BoundedFanOut;
import org.adcs.mdm.readside.DefaultScheduleRow;
import org.adcs.mdm.readside.KeyPage;
import org.adcs.mdm.readside.MeterInService;
import org.adcs.mdm.readside.ScheduleReadSideQueries;
import org.adcs.mdm.readside.ScheduleReadSideSchema;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.scheduler.readgroup.ReadGroup;
import org.adcs.scheduler.readside.CollectionTiming;
import org.adcs.scheduler.readside.CollectionTiming.Punctuality;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;

/**
 * Read groups and collection timings from the Cassandra read side (R-SCH-1, R-SCH-2, R-SCH-4).
 *
 * <p>A day's scheduled collection runs in the group's slot of the next morning's window. It is on
 * time when its data arrived before the slot ended, late when after, missed when none came. A day
 * counts for the meter's current group only if the meter had acknowledged that group before the
 * slot began: days before a move are left out rather than charged to the wrong group.
 */
public final class StoreReadGroupReadSide implements ReadGroupReadSide {

  /** Per-meter reads in flight for one page. */
  static final int PARALLELISM = 32;

  private final ScheduleReadSideQueries queries;
  private final CollectionWindow window;
  private final ZoneOffset standardTime;

  public StoreReadGroupReadSide(ScheduleReadSideQueries queries, CollectionWindow window, ZoneOffset standardTime) {
    this.queries = queries;
    this.window = window;
    this.standardTime = standardTime;
  }

  @Override
  public CompletionStage<int[]> groupSizes(int groupCount) {
    List<Integer> groups = IntStream.range(0, groupCount).boxed().toList();
    return BoundedFanOut.map(groups, 4, queries::groupSize)
        .thenApply(sizes -> sizes.stream().mapToInt(Math::toIntExact).toArray());
  }

  @Override
  public CompletionStage<Page<String>> unscheduledMeters(PageRequest page) {
    return membersOf(ScheduleReadSideSchema.UNSCHEDULED, page);
  }

  @Override
  public CompletionStage<Page<String>> membersOf(int group, PageRequest page) {
    return queries.membersOf(group, page.after(), page.limit()).thenApply(p -> new Page<>(p.rows(), p.continueAfter()));
  }

  @Override
  public CompletionStage<Page<CollectionTiming>> collectionTimings(LocalDate firstDay, LocalDate lastDay, PageRequest page) {
    int days = (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    if (days < 1) {
      throw new IllegalArgumentException("period " + firstDay + ".." + lastDay + " is empty");
    }
    // About page.limit() rows: a meter gives one per day.
    int meters = Math.max(1, page.limit() / days);
    return queries.metersInService(page.after(), meters).thenCompose(inService ->
        BoundedFanOut.map(inService.rows(), PARALLELISM, meter -> timingsOf(meter, firstDay, lastDay))
            .thenApply(perMeter -> new Page<>(perMeter.stream().flatMap(List::stream).toList(), inService.continueAfter())));
  }

  private CompletionStage<List<CollectionTiming>> timingsOf(MeterInService meter, LocalDate firstDay, LocalDate lastDay) {
    return queries.defaultSchedule(meter.meterId()).thenCompose(schedule -> {
      Optional<DefaultScheduleRow> placed = schedule.filter(s -> s.readGroup() >= 0 && s.readGroup() < window.groupCount()
          && s.acknowledgedAt().isPresent());
      if (placed.isEmpty()) {
        return java.util.concurrent.CompletableFuture.completedFuture(List.of());
      }
      return queries.scheduledArrivals(meter.meterId(), firstDay, lastDay)
          .thenApply(arrivals -> timings(meter.meterId(), placed.get(), arrivals, firstDay, lastDay));
    });
  }

  List<CollectionTiming> timings(String meterId, DefaultScheduleRow schedule, Map<LocalDate, Instant> arrivals, LocalDate firstDay,
      LocalDate lastDay) {
    ReadGroup group = window.group(schedule.readGroup());
    Instant acknowledged = schedule.acknowledgedAt().orElseThrow();
    List<CollectionTiming> timings = new ArrayList<>();
    for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
      Instant slotStart = day.plusDays(1).atTime(group.start()).toInstant(standardTime);
      Instant slotEnd = day.plusDays(1).atTime(group.end()).toInstant(standardTime);
      if (acknowledged.isAfter(slotStart)) {
        continue;
      }
      Instant arrived = arrivals.get(day);
      Punctuality punctuality = arrived == null ? Punctuality.MISSED : arrived.isAfter(slotEnd) ? Punctuality.LATE : Punctuality.ON_TIME;
      timings.add(new CollectionTiming(meterId, day, schedule.readGroup(), punctuality));
    }
    return timings;
  }

  static <T> Page<T> page(KeyPage<T> page) {
    return new Page<>(page.rows(), page.continueAfter());
  }
}
