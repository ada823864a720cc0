package org.adcs.scheduler.port;

import java.util.Objects;

/** A request to read one meter's data for a range, tagged with the datum source and traffic priority. */
public record ReadRequest(String meterId, TimeRange range, ReadSource source, ReadPriority priority) {

  public ReadRequest {
    if (meterId == null || meterId.isBlank()) {
      throw new IllegalArgumentException("meterId must not be blank");
    }
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(priority, "priority");
  }
}
