package org.adcs.scheduler.recovery;

import java.time.Duration;
import java.util.Objects;
import org.adcs.scheduler.completeness.DaySet;

/**
 * How a completeness and recovery run works (R-MIS-1, R-MIS-2).
 *
 * @param lookbackDays days before today that are checked, the previous day included (at least the
 *     45 days a meter keeps in memory by default)
 * @param maxAttempts requests per missing range (three by R-MIS-1)
 * @param retryDelay wait before asking a meter again after a failed request
 * @param maxActiveMeters meters being recovered at once (each has one read in flight or waits for its retry)
 * @param pageSize meters read from the read side per page
 * @param outageMinScanned meters the scan must have seen before it may judge an outage (R-MIS-6)
 */
public record RecoverySettings(int lookbackDays, int maxAttempts, Duration retryDelay, int maxActiveMeters, int pageSize, long outageMinScanned) {

  public static final RecoverySettings DEFAULT = new RecoverySettings(45, 3, Duration.ofMinutes(10), 500, 1000, 1000);

  public RecoverySettings {
    if (lookbackDays < 1 || lookbackDays > DaySet.MAX_SPAN) {
      throw new IllegalArgumentException("lookback must be 1.." + DaySet.MAX_SPAN + " days, was " + lookbackDays);
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("recovery attempts must be 1..10, was " + maxAttempts);
    }
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retry delay must not be negative, was " + retryDelay);
    }
    if (maxActiveMeters < 1 || maxActiveMeters > 100_000) {
      throw new IllegalArgumentException("meters recovered at once must be 1..100000, was " + maxActiveMeters);
    }
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException("page size must be 1..10000, was " + pageSize);
    }
    if (outageMinScanned < 1) {
      throw new IllegalArgumentException("outage minimum scanned meters must be at least 1, was " + outageMinScanned);
    }
  }
}
