package org.adcs.scheduler.recovery;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of the exception report: the days that were missing, what came back, how many reads
 * failed on the way (an intermittent meter has failures and still recovers), and the retrieval path
 * of the last success (R-MIS-1, R-MIS-2).
 */
public record MeterRecoveryResult(
    String meterId,
    List<LocalDate> daysMissing,
    List<LocalDate> daysRecovered,
    int intervalsMissing,
    int intervalsRecovered,
    int readFailures,
    RecoveryOutcome outcome,
    String lastPath) {

  public MeterRecoveryResult {
    daysMissing = List.copyOf(daysMissing);
    daysRecovered = List.copyOf(daysRecovered);
  }

  /** Read failures on the way to a recovery make a meter intermittent (R-MIS-2). */
  public boolean intermittent() {
    return readFailures > 0 && outcome != RecoveryOutcome.FAILED;
  }

  public List<LocalDate> daysStillMissing() {
    return daysMissing.stream().filter(d -> !daysRecovered.contains(d)).toList();
  }
}
