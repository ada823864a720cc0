package org.adcs.scheduler.completeness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which days of a window ending on {@code lastDay} have complete data for one meter, in one long:
 * bit i is the day {@code lastDay - i}. The window spans up to 64 days, more than the 45 days a meter
 * keeps in memory (R-MIS-2). Immutable.
 */
public record DaySet(LocalDate lastDay, int span, long bits) {

  public static final int MAX_SPAN = 64;

  public DaySet {
    Objects.requireNonNull(lastDay, "lastDay");
    if (span < 1 || span > MAX_SPAN) {
      throw new IllegalArgumentException("day window span must be 1.." + MAX_SPAN + ", was " + span);
    }
    if (span < MAX_SPAN && (bits >>> span) != 0) {
      throw new IllegalArgumentException("day bits set beyond the " + span + "-day window");
    }
  }

  public static DaySet none(LocalDate lastDay, int span) {
    return new DaySet(lastDay, span, 0L);
  }

  public static DaySet all(LocalDate lastDay, int span) {
    return new DaySet(lastDay, span, span == MAX_SPAN ? -1L : (1L << span) - 1);
  }

  public LocalDate firstDay() {
    return lastDay.minusDays(span - 1L);
  }

  public boolean covers(LocalDate day) {
    return !day.isAfter(lastDay) && !day.isBefore(firstDay());
  }

  public boolean contains(LocalDate day) {
    return covers(day) && (bits & (1L << offset(day))) != 0;
  }

  public DaySet with(LocalDate day) {
    if (!covers(day)) {
      throw new IllegalArgumentException(day + " is outside the window " + firstDay() + ".." + lastDay);
    }
    return new DaySet(lastDay, span, bits | (1L << offset(day)));
  }

  public DaySet without(LocalDate day) {
    if (!covers(day)) {
      throw new IllegalArgumentException(day + " is outside the window " + firstDay() + ".." + lastDay);
    }
    return new DaySet(lastDay, span, bits & ~(1L << offset(day)));
  }

  public int presentCount() {
    return Long.bitCount(bits);
  }

  public int missingCount() {
    return span - presentCount();
  }

  /** Missing days, oldest first. */
  public List<LocalDate> missingDays() {
    List<LocalDate> days = new ArrayList<>(missingCount());
    for (int i = span - 1; i >= 0; i--) {
      if ((bits & (1L << i)) == 0) {
        days.add(lastDay.minusDays(i));
      }
    }
    return days;
  }

  /** Missing days grouped into runs of consecutive days, oldest first (R-MIS-2, R-MIS-4 "missing ranges"). */
  public List<DayRange> missingRanges() {
    List<DayRange> ranges = new ArrayList<>();
    int i = span - 1;
    while (i >= 0) {
      if ((bits & (1L << i)) != 0) {
        i--;
        continue;
      }
      int oldest = i;
      while (i >= 0 && (bits & (1L << i)) == 0) {
        i--;
      }
      ranges.add(new DayRange(lastDay.minusDays(oldest), lastDay.minusDays(i + 1L)));
    }
    return ranges;
  }

  /** How many of the most recent days in a row are missing, counting back from {@code lastDay}. */
  public int recentMissingStreak() {
    return Long.numberOfTrailingZeros(bits) >= span ? span : Long.numberOfTrailingZeros(bits);
  }

  private int offset(LocalDate day) {
    return (int) ChronoUnit.DAYS.between(day, lastDay);
  }
}
