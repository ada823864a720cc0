package org.adcs.headend.scheduling;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.readside.BoundedFanOut;
import org.adcs.mdm.readside.ScheduleReadSideQueries;
import org.adcs.mdm.readside.StoredSchedule;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.readside.NonDefaultScheduleReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ScheduledMeter;

/**
 * Meters on non-default schedules and how far their data has come (R-SCH-5, R-MIS-3), from the
 * Cassandra read side: a page of schedules, then each of those meters' received-through.
 */
public final class StoreNonDefaultScheduleReadSide implements NonDefaultScheduleReadSide {

  private final ScheduleReadSideQueries queries;

  public StoreNonDefaultScheduleReadSide(ScheduleReadSideQueries queries) {
    this.queries = queries;
  }

  @Override
  public CompletionStage<Page<ScheduledMeter>> activeSchedules(Instant at, PageRequest page) {
    return queries.nonDefaultSchedules(page.after(), page.limit()).thenCompose(schedules -> {
      List<StoredSchedule> active = schedules.rows().stream().filter(s -> isActive(s, at)).toList();
      List<String> meters = active.stream().map(StoredSchedule::meterId).distinct().toList();
      return BoundedFanOut.map(meters, StoreReadGroupReadSide.PARALLELISM, queries::receivedThrough).thenApply(through -> {
        Map<String, Optional<Instant>> byMeter = new HashMap<>();
        for (int i = 0; i < meters.size(); i++) {
          byMeter.put(meters.get(i), through.get(i));
        }
        List<ScheduledMeter> rows = active.stream().map(s -> new ScheduledMeter(s.meterId(), new NonDefaultSchedule(s.scheduleId(),
            s.start(), s.end(), s.frequency(), s.requestedBy()), byMeter.get(s.meterId()))).toList();
        return new Page<>(rows, schedules.continueAfter());
      });
    });
  }

  private static boolean isActive(StoredSchedule schedule, Instant at) {
    return !schedule.start().isAfter(at) && schedule.end().map(end -> end.isAfter(at)).orElse(true);
  }
}
