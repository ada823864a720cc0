package org.adcs.scheduler;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** When a daily or weekly job runs next, in meters' standard time (no daylight saving, R-COL-6). */
public final class NextOccurrence {

  private NextOccurrence() {}

  /** Time until the next {@code at} strictly after now. */
  public static Duration daily(Clock clock, ZoneOffset standardOffset, LocalTime at) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), standardOffset);
    LocalDateTime next = now.toLocalDate().atTime(at);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    return Duration.between(now, next);
  }

  /** Time until the next {@code day} at {@code at} strictly after now. */
  public static Duration weekly(Clock clock, ZoneOffset standardOffset, DayOfWeek day, LocalTime at) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), standardOffset);
    LocalDateTime next = now.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(at);
    if (!next.isAfter(now)) {
      next = next.plusWeeks(1);
    }
    return Duration.between(now, next);
  }
}
