package org.adcs.scheduler.massread;

import java.time.Instant;
import java.util.Optional;
import org.adcs.scheduler.SchedulerSerializable;

/**
 * Where a mass read stands (R-OD-3): meters done (data came), failed, remaining of those found so
 * far, reads per minute since the start and, once every target meter is known, the estimated end.
 */
public record MassReadProgress(
    String jobId,
    State state,
    long found,
    boolean allFound,
    long done,
    long failed,
    long remaining,
    double readsPerMinute,
    Optional<Instant> estimatedEnd) implements SchedulerSerializable {

  public enum State {
    RUNNING,
    COMPLETED,
    CANCELLED
  }
}
