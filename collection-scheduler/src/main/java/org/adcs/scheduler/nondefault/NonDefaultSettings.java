package org.adcs.scheduler.nondefault;

import java.time.Duration;
import java.util.Objects;

/**
 * How meters on non-default schedules are watched (R-MIS-3).
 *
 * @param checkEvery how often the schedules are checked for misses; at most the shortest schedule
 *     frequency in use, so a miss is seen within two read intervals
 * @param retryDelay wait before each recovery attempt (ten minutes by R-MIS-3)
 * @param maxAttempts recovery attempts per miss (three by R-MIS-3)
 * @param maxActiveMeters meters being recovered at once; more wait for a later check
 * @param maxListed failed meters named in the day's report; beyond that only counted
 */
public record NonDefaultSettings(Duration checkEvery, Duration retryDelay, int maxAttempts, int maxActiveMeters, int maxListed) {

  public static final NonDefaultSettings DEFAULT = new NonDefaultSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), 3, 500, 10_000);

  public NonDefaultSettings {
    Objects.requireNonNull(checkEvery, "checkEvery");
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (checkEvery.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("non-default schedules are checked at most every minute, was " + checkEvery);
    }
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retry delay must not be negative, was " + retryDelay);
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("recovery attempts must be 1..10, was " + maxAttempts);
    }
    if (maxActiveMeters < 1 || maxActiveMeters > 100_000) {
      throw new IllegalArgumentException("meters recovered at once must be 1..100000, was " + maxActiveMeters);
    }
    if (maxListed < 0) {
      throw new IllegalArgumentException("listed meters must not be negative, was " + maxListed);
    }
  }
}
