package org.adcs.scheduler.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A non-default schedule (R-SCH-5): from {@code start}, until {@code end} when given (open-ended
 * otherwise), every {@code frequency}. {@code requestedBy} is the person or system logged as its source.
 */
public record NonDefaultSchedule(
    String scheduleId, Instant start, Optional<Instant> end, Duration frequency, String requestedBy) {

  public NonDefaultSchedule {
    if (scheduleId == null || scheduleId.isBlank()) {
      throw new IllegalArgumentException("scheduleId must not be blank");
    }
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(frequency, "frequency");
    if (frequency.isNegative() || frequency.isZero()) {
      throw new IllegalArgumentException("frequency must be positive, was " + frequency);
    }
    if (end.isPresent() && !end.get().isAfter(start)) {
      throw new IllegalArgumentException("schedule end " + end.get() + " must be after its start " + start);
    }
    if (requestedBy == null || requestedBy.isBlank()) {
      throw new IllegalArgumentException("requestedBy must name the person or system (R-SCH-5)");
    }
  }
}
