package org.adcs.scheduler.readside;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.adcs.scheduler.port.NonDefaultSchedule;

/**
 * A meter's non-default schedule and the end of the data received under it so far (empty when
 * nothing came yet) (R-MIS-3).
 */
public record ScheduledMeter(String meterId, NonDefaultSchedule schedule, Optional<Instant> receivedThrough) {

  public ScheduledMeter {
    if (meterId == null || meterId.isBlank()) {
      throw new IllegalArgumentException("meterId must not be blank");
    }
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(receivedThrough, "receivedThrough");
  }
}
