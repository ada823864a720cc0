package org.adcs.scheduler.readside;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Meters on non-default schedules and how far their data has come in (R-SCH-5, R-MIS-3), in meter id
 * order. The store implements it from the meter entities' schedule and collection events.
 */
public interface NonDefaultScheduleReadSide {

  /** Non-default schedules active at {@code at}, one row per (meter, schedule). */
  CompletionStage<Page<ScheduledMeter>> activeSchedules(Instant at, PageRequest page);
}
