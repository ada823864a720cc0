package org.adcs.scheduler.readside;

import java.time.LocalDate;
import java.util.concurrent.CompletionStage;

/**
 * Read-group membership and collection timings (R-SCH-1, R-SCH-2, R-SCH-4). The store implements it
 * over its meters-by-read-group table, maintained from the meter entities' schedule events.
 */
public interface ReadGroupReadSide {

  /** Meter count of every read group, index = group index; self-registered meters are not in any group. */
  CompletionStage<int[]> groupSizes(int groupCount);

  /** Meters in the unscheduled group (R-SCH-1), in meter id order. */
  CompletionStage<Page<String>> unscheduledMeters(PageRequest page);

  /** Meters of one read group, in meter id order. */
  CompletionStage<Page<String>> membersOf(int group, PageRequest page);

  /**
   * One row per meter and day of the period with the scheduled read group and whether the day's data
   * came on time, late or not at all (R-SCH-4), in (meter id, day) order; the page key is the meter id.
   */
  CompletionStage<Page<CollectionTiming>> collectionTimings(LocalDate firstDay, LocalDate lastDay, PageRequest page);
}
