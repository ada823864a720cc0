package org.adcs.scheduler.massread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.completeness.DayRange;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

  @Test
  void progress_gives_rate_and_estimated_end_from_the_clock_R_OD_3() {
    var clock = new ManualClock(Instant.parse("2026-06-01T09:00:00Z"));
    var progress = new ProgressMeter("job-1", clock);
    progress.found(1000);
    progress.allFound();
    clock.advance(Duration.ofMinutes(10));
    for (int i = 0; i < 180; i++) {
      progress.done();
    }
    for (int i = 0; i < 20; i++) {
      progress.failed();
    }

    MassReadProgress snapshot = progress.snapshot(MassReadProgress.State.RUNNING);

    assertEquals(180, snapshot.done());
    assertEquals(20, snapshot.failed());
    assertEquals(800, snapshot.remaining());
    assertEquals(20.0, snapshot.readsPerMinute(), 1e-9);
    // 800 remaining at 20 a minute: 40 more minutes.
    assertEquals(Instant.parse("2026-06-01T09:50:00Z"), snapshot.estimatedEnd().orElseThrow());
  }

  @Test
  void no_end_is_estimated_while_meters_are_still_being_found() {
    var clock = new ManualClock(Instant.parse("2026-06-01T09:00:00Z"));
    var progress = new ProgressMeter("job-2", clock);
    progress.found(10);
    clock.advance(Duration.ofMinutes(1));
    progress.done();

    assertTrue(progress.snapshot(MassReadProgress.State.RUNNING).estimatedEnd().isEmpty());
  }

  @Test
  void a_list_with_duplicates_or_blanks_is_refused_naming_the_meter() {
    DayRange day = DayRange.of(LocalDate.of(2026, 6, 1));
    var duplicate = assertThrows(IllegalArgumentException.class, () -> new MassReadTarget.MeterList(List.of("a", "b", "a"), day));
    assertTrue(duplicate.getMessage().contains("meter a is listed twice"));
    assertThrows(IllegalArgumentException.class, () -> new MassReadTarget.MeterList(List.of("a", " "), day));
    assertThrows(IllegalArgumentException.class, () -> new MassReadTarget.MeterList(List.of(), day));
    assertThrows(IllegalArgumentException.class, () -> new MassReadTarget.ReadGroupMembers(-1, day));
  }
}
