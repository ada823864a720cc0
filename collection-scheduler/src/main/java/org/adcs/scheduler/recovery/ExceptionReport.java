package org.adcs.scheduler.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The exception report of one completeness run (R-MIS-1, R-MIS-2): what is still missing, what was
 * recovered, and the statistics. Lines exist only for meters that had something missing.
 */
public record ExceptionReport(
    LocalDate previousDay,
    Instant started,
    Instant finished,
    ExceptionStatistics statistics,
    List<MeterRecoveryResult> stillMissing,
    List<MeterRecoveryResult> recovered) {

  public ExceptionReport {
    stillMissing = List.copyOf(stillMissing);
    recovered = List.copyOf(recovered);
  }
}
