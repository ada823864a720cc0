package org.adcs.scheduler.completeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.adcs.scheduler.port.TimeRange;

/**
 * The meters' interval grid in local standard time: meters never shift for daylight saving
 * (R-COL-6), so a fixed offset is the whole truth. Converts days and interval runs to time ranges.
 */
public record IntervalGrid(ZoneOffset standardOffset, Duration interval) {

  public IntervalGrid {
    Objects.requireNonNull(standardOffset, "standardOffset");
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.toNanos() % 1_000_000_000L != 0
        || Duration.ofDays(1).toSeconds() % interval.toSeconds() != 0) {
      throw new IllegalArgumentException("interval length must divide a day in whole seconds, was " + interval);
    }
    IntervalSet.checkIntervalsPerDay((int) (Duration.ofDays(1).toSeconds() / interval.toSeconds()));
  }

  public int intervalsPerDay() {
    return (int) (Duration.ofDays(1).toSeconds() / interval.toSeconds());
  }

  public LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), standardOffset);
  }

  public LocalDate yesterday(Clock clock) {
    return today(clock).minusDays(1);
  }

  public Instant startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(standardOffset);
  }

  public TimeRange rangeOf(DayRange days) {
    return new TimeRange(startOf(days.first()), startOf(days.last().plusDays(1)));
  }

  public TimeRange rangeOf(LocalDate day, IntervalRun run) {
    Instant dayStart = startOf(day);
    return new TimeRange(dayStart.plus(interval.multipliedBy(run.first())), dayStart.plus(interval.multipliedBy(run.endExclusive())));
  }
}
