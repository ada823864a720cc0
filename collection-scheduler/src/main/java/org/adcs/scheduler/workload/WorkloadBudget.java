package org.adcs.scheduler.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * The one budget for all meter traffic (R-OD-4).
 *
 * @param permits reads in flight at once, all priorities together: the bound that protects the
 *     head-end, the network and the meters
 * @param reservedForOperator permits only operator reads may use, so an operator's read never waits
 *     behind a mass read or a recovery run
 * @param queueCapacity waiting reads per priority; beyond it a request is rejected at once, never queued without bound
 * @param requestTimeout how long a request may hold its permit; then it counts as failed and frees the permit
 */
public record WorkloadBudget(int permits, int reservedForOperator, int queueCapacity, Duration requestTimeout) {

  public WorkloadBudget {
    if (permits < 2) {
      throw new IllegalArgumentException("workload permits must be at least 2 (one reserved for operators), was " + permits);
    }
    if (reservedForOperator < 1 || reservedForOperator >= permits) {
      throw new IllegalArgumentException("permits reserved for operator reads must be 1.." + (permits - 1) + ", was " + reservedForOperator);
    }
    if (queueCapacity < 1 || queueCapacity > 1_000_000) {
      throw new IllegalArgumentException("queue capacity per priority must be 1..1000000, was " + queueCapacity);
    }
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request timeout must be positive, was " + requestTimeout);
    }
  }

  /** Permits that recovery, mass reads and routine work share. */
  public int sharedPermits() {
    return permits - reservedForOperator;
  }
}
