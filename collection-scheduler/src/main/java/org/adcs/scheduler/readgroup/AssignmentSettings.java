package org.adcs.scheduler.readgroup;

import java.time.Duration;
import java.util.Objects;

/**
 * How the nightly assignment of unscheduled meters runs (R-SCH-2, R-SCH-3).
 *
 * @param pageSize unscheduled meters read per page
 * @param maxInFlight schedule writes outstanding at once (the workload manager bounds them again)
 * @param maxAttempts writes per meter before it is listed as not acknowledging
 * @param retryDelay wait before writing again to a meter that did not acknowledge
 * @param maxListed meters named in the report as not acknowledging; beyond that only counted
 */
public record AssignmentSettings(int pageSize, int maxInFlight, int maxAttempts, Duration retryDelay, int maxListed) {

  public static final AssignmentSettings DEFAULT = new AssignmentSettings(1000, 200, 3, Duration.ofMinutes(5), 10_000);

  public AssignmentSettings {
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException("page size must be 1..10000, was " + pageSize);
    }
    if (maxInFlight < 1 || maxInFlight > 100_000) {
      throw new IllegalArgumentException("schedule writes in flight must be 1..100000, was " + maxInFlight);
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("schedule write attempts must be 1..10, was " + maxAttempts);
    }
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retry delay must not be negative, was " + retryDelay);
    }
    if (maxListed < 0) {
      throw new IllegalArgumentException("listed meters must not be negative, was " + maxListed);
    }
  }
}
