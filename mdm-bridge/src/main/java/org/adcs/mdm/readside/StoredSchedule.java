package org.adcs.mdm.readside;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A meter's non-default schedule as the read side keeps it (R-SCH-5): from start every frequency, until end if given. */
public record StoredSchedule(String meterId, String scheduleId, Instant start, Optional<Instant> end, Duration frequency,
    String requestedBy) {

  public StoredSchedule {
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(scheduleId, "scheduleId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(frequency, "frequency");
  }
}
