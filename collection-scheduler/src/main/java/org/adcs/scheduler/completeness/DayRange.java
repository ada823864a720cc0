package org.adcs.scheduler.completeness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Consecutive days, both ends included. */
public record DayRange(LocalDate first, LocalDate last) {

  public DayRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("day range ends " + last + " before it starts " + first);
    }
  }

  public static DayRange of(LocalDate day) {
    return new DayRange(day, day);
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(first, last) + 1;
  }

  @Override
  public String toString() {
    return first.equals(last) ? first.toString() : first + ".." + last;
  }
}
