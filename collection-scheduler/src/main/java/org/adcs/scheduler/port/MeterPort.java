package org.adcs.scheduler.port;

import java.time.LocalTime;
import java.util.concurrent.CompletionStage;

/**
 * The scheduler's only way to reach a meter; the head-end implements it over the meter entity.
 *
 * <p>Every call is asynchronous. A stage that completes exceptionally is treated like a failed
 * outcome (for example an ask timeout in the head-end), so implementations need not wrap errors.
 */
public interface MeterPort {

  /** Reads a range of a meter's data (R-OD-1, R-MIS-1 recovery, R-OD-3 mass reads). */
  CompletionStage<ReadOutcome> read(ReadRequest request);

  /** Writes the meter's default daily read time (R-SCH-2, R-SCH-3, R-SCH-7); completes with the acknowledgement. */
  CompletionStage<ScheduleAck> setDefaultSchedule(String meterId, LocalTime readTime);

  /** Writes, updates or cancels a non-default schedule (R-SCH-5). */
  CompletionStage<ScheduleAck> setNonDefaultSchedule(String meterId, NonDefaultSchedule schedule);

  /** Asks the meter whether a schedule is set in it as recorded (R-MIS-3). */
  CompletionStage<ScheduleVerification> verifySchedule(String meterId, String scheduleId);
}
