package org.adcs.scheduler.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.adcs.scheduler.completeness.DayRange;

/** How a meter's missing days lie (R-MIS-2): one day, one run of consecutive days, or several runs. */
public enum MissingPattern {
  NONE,
  SINGLE_DAY,
  CONSECUTIVE,
  NON_CONSECUTIVE;

  public static MissingPattern of(List<DayRange> ranges) {
    if (ranges.isEmpty()) {
      return NONE;
    }
    if (ranges.size() > 1) {
      return NON_CONSECUTIVE;
    }
    return ranges.get(0).days() == 1 ? SINGLE_DAY : CONSECUTIVE;
  }

  /** The days as runs of consecutive days, in order; duplicates count once. */
  public static List<DayRange> ranges(List<LocalDate> days) {
    List<DayRange> ranges = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    for (LocalDate day : new TreeSet<>(days)) {
      if (last != null && day.equals(last.plusDays(1))) {
        last = day;
        continue;
      }
      if (first != null) {
        ranges.add(new DayRange(first, last));
      }
      first = day;
      last = day;
    }
    if (first != null) {
      ranges.add(new DayRange(first, last));
    }
    return ranges;
  }
}
