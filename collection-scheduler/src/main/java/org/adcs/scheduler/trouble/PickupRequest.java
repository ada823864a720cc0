package org.adcs.scheduler.trouble;

import java.time.Instant;
import java.util.Optional;
import org.adcs.scheduler.SchedulerSerializable;

/** A field pickup read request (work order) for one meter (R-FLD-1); closed when the field upload is stored (R-FLD-2). */
public record PickupRequest(long id, String meterId, PickupOrigin origin, String reason, Instant raised, Optional<Instant> closed) implements SchedulerSerializable {

  public boolean isOpen() {
    return closed.isEmpty();
  }
}
