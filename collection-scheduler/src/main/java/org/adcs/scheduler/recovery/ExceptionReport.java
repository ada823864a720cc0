package org.adcs.scheduler.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The exception report of one completeness run (R-MIS-1, R-MIS-2): what is still missing, what was
 * recovered, and the statistics. Lines exist only for meters that had something missing.
 * {@code scanComplete} is false when the read side failed part-way: the figures then cover only the
 * meters scanned before.
 */
public record ExceptionReport(
    LocalDate previousDay,
    Instant started,
    Instant finished,
    boolean scanComplete,
    ExceptionStatistics statistics,
    List<MeterRecoveryResult> stillMissing,
    List<MeterRecoveryResult> recovered) {

  public ExceptionReport {
    stillMissing = List.copyOf(stillMissing);
    recovered = List.copyOf(recovered);
  }
}
