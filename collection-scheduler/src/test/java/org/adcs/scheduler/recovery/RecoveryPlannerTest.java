package org.adcs.scheduler.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.IntervalSet;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.port.TimeRange;
import org.junit.jupiter.api.Test;

class RecoveryPlannerTest {

  // Eastern standard time all year: meters do not follow daylight saving (R-COL-6).
  private static final IntervalGrid GRID = new IntervalGrid(ZoneOffset.ofHours(-5), Duration.ofMinutes(15));
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 7, 10);
  private final RecoveryPlanner planner = new RecoveryPlanner(GRID);

  @Test
  void consecutive_days_without_data_become_one_range_of_whole_days_R_MIS_2() {
    DaySet complete = DaySet.all(YESTERDAY, 45).without(YESTERDAY).without(YESTERDAY.minusDays(1)).without(YESTERDAY.minusDays(2));
    var meter = new MeterCompleteness("m-1", complete, Map.of());

    RecoveryPlan plan = planner.plan(meter, new DayRange(YESTERDAY.minusDays(44), YESTERDAY));

    assertEquals(List.of(YESTERDAY.minusDays(2), YESTERDAY.minusDays(1), YESTERDAY), plan.incompleteDays());
    assertEquals(1, plan.ranges().size());
    MissingRange range = plan.ranges().get(0);
    // Standard time: midnight at -05:00 is 05:00 UTC, in July as in January.
    assertEquals(new TimeRange(Instant.parse("2026-07-08T05:00:00Z"), Instant.parse("2026-07-11T05:00:00Z")), range.range());
    assertEquals(3 * 96, range.intervals());
  }

  @Test
  void a_partial_day_asks_only_for_its_missing_intervals_and_splits_whole_day_runs() {
    LocalDate partialDay = YESTERDAY.minusDays(1);
    DaySet complete = DaySet.all(YESTERDAY, 5).without(YESTERDAY).without(partialDay).without(YESTERDAY.minusDays(2));
    IntervalSet received = IntervalSet.none(96).withRange(0, 8).withRange(12, 96);
    var meter = new MeterCompleteness("m-2", complete, Map.of(partialDay, received));

    RecoveryPlan plan = planner.plan(meter, new DayRange(YESTERDAY.minusDays(4), YESTERDAY));

    assertEquals(3, plan.ranges().size());
    assertEquals(DayRange.of(YESTERDAY.minusDays(2)), plan.ranges().get(0).days());
    assertEquals(new TimeRange(Instant.parse("2026-07-09T07:00:00Z"), Instant.parse("2026-07-09T08:00:00Z")), plan.ranges().get(1).range());
    assertEquals(4, plan.ranges().get(1).intervals());
    assertEquals(DayRange.of(YESTERDAY), plan.ranges().get(2).days());
    assertEquals(96 + 4 + 96, plan.intervalsMissing());
  }

  @Test
  void only_days_inside_the_considered_range_are_planned_R_MIS_1() {
    DaySet complete = DaySet.all(YESTERDAY, 45).without(YESTERDAY).without(YESTERDAY.minusDays(20));
    var meter = new MeterCompleteness("m-3", complete, Map.of());

    RecoveryPlan plan = planner.plan(meter, DayRange.of(YESTERDAY));

    assertEquals(List.of(YESTERDAY), plan.incompleteDays());
    assertEquals(1, plan.ranges().size());
  }

  @Test
  void a_complete_meter_has_nothing_to_recover() {
    RecoveryPlan plan = planner.plan(MeterCompleteness.allComplete("m-4", YESTERDAY, 45), DayRange.of(YESTERDAY));
    assertTrue(plan.nothingMissing());
  }

  @Test
  void a_partial_day_on_another_interval_grid_is_refused_with_the_meter_named() {
    DaySet complete = DaySet.all(YESTERDAY, 2).without(YESTERDAY);
    var meter = new MeterCompleteness("m-5", complete, Map.of(YESTERDAY, IntervalSet.none(48).with(0)));

    var error = assertThrows(IllegalArgumentException.class, () -> planner.plan(meter, DayRange.of(YESTERDAY)));
    assertTrue(error.getMessage().contains("m-5"));
  }

  @Test
  void an_interval_length_that_does_not_divide_the_day_in_whole_seconds_is_refused() {
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(500), Duration.ofMinutes(7), Duration.ofSeconds(-60), Duration.ofMinutes(1)}) {
      if (bad.equals(Duration.ofMinutes(1))) {
        // 1440 a day is more than the 288 the bitmaps hold.
        assertThrows(IllegalArgumentException.class, () -> new IntervalGrid(ZoneOffset.UTC, bad));
      } else {
        var error = assertThrows(IllegalArgumentException.class, () -> new IntervalGrid(ZoneOffset.UTC, bad));
        assertTrue(error.getMessage().contains("divide a day"), error.getMessage());
      }
    }
    assertEquals(288, new IntervalGrid(ZoneOffset.UTC, Duration.ofMinutes(5)).intervalsPerDay());
  }
}
