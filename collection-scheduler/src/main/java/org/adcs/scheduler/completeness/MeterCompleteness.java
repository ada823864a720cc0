package org.adcs.scheduler.completeness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the store knows of one meter's collected data over a day window: the complete days, and for
 * days with some but not all intervals, which intervals came (R-COL-3, R-MIS-1, R-MIS-2). A day that
 * is neither complete nor partial has no data at all. Read from the read side a page at a time; never
 * kept for the whole population.
 */
public record MeterCompleteness(String meterId, DaySet completeDays, Map<LocalDate, IntervalSet> partialDays) {

  public MeterCompleteness {
    if (meterId == null || meterId.isBlank()) {
      throw new IllegalArgumentException("meterId must not be blank");
    }
    Objects.requireNonNull(completeDays, "completeDays");
    Objects.requireNonNull(partialDays, "partialDays");
    for (var day : partialDays.entrySet()) {
      if (!completeDays.covers(day.getKey())) {
        throw new IllegalArgumentException("partial day " + day.getKey() + " of meter " + meterId + " is outside the window");
      }
      if (completeDays.contains(day.getKey())) {
        throw new IllegalArgumentException("day " + day.getKey() + " of meter " + meterId + " is both complete and partial");
      }
      if (day.getValue().isComplete()) {
        throw new IllegalArgumentException("partial day " + day.getKey() + " of meter " + meterId + " has every interval");
      }
    }
    partialDays = Map.copyOf(partialDays);
  }

  public static MeterCompleteness allComplete(String meterId, LocalDate lastDay, int span) {
    return new MeterCompleteness(meterId, DaySet.all(lastDay, span), Map.of());
  }

  public boolean isComplete() {
    return completeDays.missingCount() == 0;
  }

  /** Days not complete (no data or partial), oldest first. */
  public List<LocalDate> incompleteDays() {
    return completeDays.missingDays();
  }

  public boolean isCompleteOn(LocalDate day) {
    return completeDays.contains(day);
  }

  /** The partial days in date order. */
  public TreeMap<LocalDate, IntervalSet> partialDaysInOrder() {
    return new TreeMap<>(partialDays);
  }
}
