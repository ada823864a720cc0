package org.adcs.scheduler.recovery;

/**
 * The exception report's figures over the whole window (R-MIS-2: attempted, fully, partially,
 * unsuccessful; days missing and recovered); {@link PreviousDay} gives R-MIS-1's figures for the
 * previous day alone.
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
    long intervalsRecovered,
    PreviousDay previousDay) {

  /**
   * R-MIS-1 for the previous day: "total 5 M, ok 4.8 M, recovered 0.18 M, failed 0.02 M". A meter is
   * ok when the day was complete before recovery, failed when it is still incomplete after it.
   */
  public record PreviousDay(long total, long onSchedule, long recovered, long failed) {}

  /** Meters whose data had to be requested again. */
  public long attempted() {
    return recovered + partiallyRecovered + failed;
  }
}
