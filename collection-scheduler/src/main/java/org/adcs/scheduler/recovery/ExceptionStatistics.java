package org.adcs.scheduler.recovery;

/**
 * The exception report's figures (R-MIS-1: "total 5 M, ok 4.8 M, recovered 0.18 M, failed 0.02 M";
 * R-MIS-2: attempted, fully, partially, unsuccessful).
 */
public record ExceptionStatistics(
    long total,
    long onSchedule,
    long recovered,
    long partiallyRecovered,
    long failed,
    long intermittent,
    long daysMissing,
    long daysRecovered,
    long intervalsRecovered) {

  /** Meters whose data had to be requested again. */
  public long attempted() {
    return recovered + partiallyRecovered + failed;
  }
}
