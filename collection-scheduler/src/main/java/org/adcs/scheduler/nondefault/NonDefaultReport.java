package org.adcs.scheduler.nondefault;

import java.time.LocalDate;
import java.util.List;

/**
 * The exception report for meters on non-default schedules for one standard day (R-MIS-3): misses
 * detected, recovered, failed, schedules found not set and written again, and the failed meters.
 */
public record NonDefaultReport(LocalDate day, long detected, long recovered, long failed, long schedulesRewritten, List<NonDefaultMiss> failures) {

  public NonDefaultReport {
    failures = List.copyOf(failures);
  }
}
