package org.adcs.scheduler.report;

import java.util.List;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.recovery.MeterRecoveryResult;
import org.adcs.scheduler.recovery.RecoveryOutcome;

/**
 * One meter of an exception or recovery report (R-MIS-1, R-MIS-2): the days that were missing as
 * ranges and whether they were consecutive, what recovery brought back, what is still missing, the
 * read failures on the way (intermittent meters) and the retrieval path of the last success.
 */
public record ExceptionLine(
    String meterId,
    RecoveryOutcome outcome,
    MissingPattern pattern,
    List<DayRange> missingRanges,
    int daysMissing,
    int daysRecovered,
    List<DayRange> stillMissingRanges,
    int intervalsMissing,
    int intervalsRecovered,
    int readFailures,
    boolean intermittent,
    String lastPath) {

  public ExceptionLine {
    missingRanges = List.copyOf(missingRanges);
    stillMissingRanges = List.copyOf(stillMissingRanges);
  }

  public static ExceptionLine of(MeterRecoveryResult r) {
    List<DayRange> missing = MissingPattern.ranges(r.daysMissing());
    return new ExceptionLine(r.meterId(), r.outcome(), MissingPattern.of(missing), missing, r.daysMissing().size(),
        r.daysRecovered().size(), MissingPattern.ranges(r.daysStillMissing()), r.intervalsMissing(), r.intervalsRecovered(),
        r.readFailures(), r.intermittent(), r.lastPath());
  }
}
