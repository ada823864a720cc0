package org.adcs.mdm.masterdata;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One effective-dated state of a service point: from inclusive, to exclusive, open-ended when
 * {@code to} is empty.
 */
public record Period(Instant from, Optional<Instant> to, ServicePointState state) {

  public Period {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(state, "state");
    if (to.isPresent() && !to.get().isAfter(from)) {
      throw new IllegalArgumentException("effective to " + to.get() + " must be after effective from " + from);
    }
  }

  public boolean covers(Instant at) {
    return !at.isBefore(from) && to.map(at::isBefore).orElse(true);
  }

  /** Whether this period shares any instant with [start, end). */
  public boolean overlaps(Instant start, Instant end) {
    return from.isBefore(end) && to.map(start::isBefore).orElse(true);
  }

  Period withTo(Instant newTo) {
    return new Period(from, Optional.of(newTo), state);
  }

  Period withFrom(Instant newFrom) {
    return new Period(newFrom, to, state);
  }
}
