package org.adcs.mdm.routing;

import java.time.Duration;

/**
 * How deliverers poll and retry.
 *
 * @param pollInterval how often an idle deliverer looks for entries it was not woken for
 * @param firstRetry   the wait after a first failed attempt; it doubles with each further attempt
 * @param maxRetry     the longest wait between attempts
 * @param batchSize    outbox entries read at a time
 * @param restartLookback how far before its stored cursor a starting deliverer looks again for entries
 *                     that were queued behind it (a projection slice that lagged while the deliverer
 *                     ran); delivered entries there are skipped, not sent again
 */
public record DeliverySettings(Duration pollInterval, Duration firstRetry, Duration maxRetry, int batchSize,
    Duration requestTimeout, Duration restartLookback) {

  public DeliverySettings(Duration pollInterval, Duration firstRetry, Duration maxRetry, int batchSize,
      Duration requestTimeout) {
    this(pollInterval, firstRetry, maxRetry, batchSize, requestTimeout, Duration.ofMinutes(10));
  }

  public DeliverySettings {
    if (pollInterval.isNegative() || pollInterval.isZero() || firstRetry.isNegative() || firstRetry.isZero()
        || maxRetry.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException("poll interval and retry waits must be positive, max retry >= first retry");
    }
    if (batchSize < 1 || batchSize > 5000) {
      throw new IllegalArgumentException("batch size must be 1-5000");
    }
    if (restartLookback.isNegative()) {
      throw new IllegalArgumentException("restart lookback must not be negative");
    }
  }

  public static DeliverySettings defaults() {
    return new DeliverySettings(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMinutes(5), 200,
        Duration.ofSeconds(10));
  }

  /** Exponential back-off with a little jitter, so many failed deliverers do not retry in step. */
  Duration retryAfter(int attempts, double jitter) {
    double base = firstRetry.toMillis() * Math.pow(2, Math.min(attempts - 1, 20));
    double capped = Math.min(base, maxRetry.toMillis());
    return Duration.ofMillis(Math.round(capped * (0.9 + 0.2 * jitter)));
  }
}
