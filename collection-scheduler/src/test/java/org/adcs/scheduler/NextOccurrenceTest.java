package org.adcs.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NextOccurrenceTest {

  private static final ZoneOffset EST = ZoneOffset.ofHours(-5);

  @Test
  void daily_jobs_run_at_standard_time_all_year_without_daylight_saving() {
    // 2026-07-01T12:00Z is 07:00 standard time (08:00 daylight time on the wall): 08:00 standard is an hour away.
    var july = new ManualClock(Instant.parse("2026-07-01T12:00:00Z"));
    assertEquals(Duration.ofHours(1), NextOccurrence.daily(july, EST, LocalTime.of(8, 0)));
    var january = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    assertEquals(Duration.ofHours(1), NextOccurrence.daily(january, EST, LocalTime.of(8, 0)));
  }

  @Test
  void a_job_due_right_now_runs_next_the_following_day() {
    var clock = new ManualClock(Instant.parse("2026-07-01T13:00:00Z"));
    assertEquals(Duration.ofDays(1), NextOccurrence.daily(clock, EST, LocalTime.of(8, 0)));
  }

  @Test
  void weekly_jobs_run_on_their_day_after_collection() {
    // Saturday 2026-03-14 20:00 standard time; the review runs Sunday 09:00.
    var clock = new ManualClock(Instant.parse("2026-03-15T01:00:00Z"));
    assertEquals(Duration.ofHours(13), NextOccurrence.weekly(clock, EST, DayOfWeek.SUNDAY, LocalTime.of(9, 0)));
    clock.advance(Duration.ofHours(13));
    assertEquals(Duration.ofDays(7), NextOccurrence.weekly(clock, EST, DayOfWeek.SUNDAY, LocalTime.of(9, 0)));
  }
}
