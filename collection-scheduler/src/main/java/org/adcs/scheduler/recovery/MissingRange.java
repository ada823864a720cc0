package org.adcs.scheduler.recovery;

import java.util.Objects;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.port.TimeRange;

/** A range of one meter's data to request again: the days it touches, its time range and its interval count. */
public record MissingRange(DayRange days, TimeRange range, int intervals) {

  public MissingRange {
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(range, "range");
    if (intervals < 1) {
      throw new IllegalArgumentException("a missing range has at least one interval, was " + intervals);
    }
  }
}
