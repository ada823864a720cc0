package org.adcs.mdm.specialread;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointTimeline;

/** A service's start (inclusive) and stop (exclusive, open when empty) dates. */
public record ServiceDates(LocalDate start, Optional<LocalDate> stop) {

  public ServiceDates {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stop, "stop");
    if (stop.isPresent() && !stop.get().isAfter(start)) {
      throw new IllegalArgumentException("service stop " + stop.get() + " must be after its start " + start);
    }
  }

  /** The dates of a timeline, in the meters' standard time {@code zone}; empty when nothing is effective. */
  public static Optional<ServiceDates> of(ServicePointTimeline timeline, ZoneOffset zone) {
    if (timeline.periods().isEmpty()) {
      return Optional.empty();
    }
    Period first = timeline.periods().get(0);
    Period last = timeline.periods().get(timeline.periods().size() - 1);
    return Optional.of(new ServiceDates(LocalDate.ofInstant(first.from(), zone),
        last.to().map(to -> LocalDate.ofInstant(to, zone))));
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && stop.map(day::isBefore).orElse(true);
  }
}
