package org.adcs.scheduler.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open range of time [from, to) of meter data; meters keep standard time (R-COL-6). */
public record TimeRange(Instant from, Instant to) {

  public TimeRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("time range must not be empty: from " + from + " is not before " + to);
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
