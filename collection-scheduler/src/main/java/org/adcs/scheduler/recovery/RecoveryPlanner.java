package org.adcs.scheduler.recovery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.IntervalRun;
import org.adcs.scheduler.completeness.IntervalSet;
import org.adcs.scheduler.completeness.MeterCompleteness;

/** Turns a meter's completeness into the ranges to request again (R-MIS-1, R-MIS-2). Pure. */
public final class RecoveryPlanner {

  private final IntervalGrid grid;

  public RecoveryPlanner(IntervalGrid grid) {
    this.grid = Objects.requireNonNull(grid, "grid");
  }

  /** Plans the recovery of every incomplete day of the meter's window that lies within {@code consider}. */
  public RecoveryPlan plan(MeterCompleteness meter, DayRange consider) {
    List<LocalDate> incomplete = new ArrayList<>();
    for (LocalDate day : meter.incompleteDays()) {
      if (!day.isBefore(consider.first()) && !day.isAfter(consider.last())) {
        incomplete.add(day);
      }
    }
    List<MissingRange> ranges = new ArrayList<>();
    LocalDate runStart = null;
    LocalDate runEnd = null;
    for (LocalDate day : incomplete) {
      IntervalSet partial = meter.partialDays().get(day);
      if (partial == null) {
        if (runStart != null && runEnd.plusDays(1).equals(day)) {
          runEnd = day;
        } else {
          addWholeDays(ranges, runStart, runEnd);
          runStart = day;
          runEnd = day;
        }
        continue;
      }
      addWholeDays(ranges, runStart, runEnd);
      runStart = null;
      runEnd = null;
      checkGrid(meter.meterId(), partial);
      for (IntervalRun run : partial.missingRuns()) {
        ranges.add(new MissingRange(DayRange.of(day), grid.rangeOf(day, run), run.length()));
      }
    }
    addWholeDays(ranges, runStart, runEnd);
    return new RecoveryPlan(meter.meterId(), incomplete, ranges);
  }

  private void addWholeDays(List<MissingRange> ranges, LocalDate first, LocalDate last) {
    if (first != null) {
      DayRange days = new DayRange(first, last);
      ranges.add(new MissingRange(days, grid.rangeOf(days), days.days() * grid.intervalsPerDay()));
    }
  }

  private void checkGrid(String meterId, IntervalSet partial) {
    if (partial.intervalsPerDay() != grid.intervalsPerDay()) {
      throw new IllegalArgumentException("meter " + meterId + " reports " + partial.intervalsPerDay()
          + " intervals a day, the grid has " + grid.intervalsPerDay());
    }
  }
}
