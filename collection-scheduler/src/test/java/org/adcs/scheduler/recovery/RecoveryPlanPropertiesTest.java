package org.adcs.scheduler.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.IntervalSet;
import org.adcs.scheduler.completeness.MeterCompleteness;

/** Gap arithmetic of R-MIS-2: a recovery plan asks for exactly the missing intervals, once each, in order. */
class RecoveryPlanPropertiesTest {

  private static final IntervalGrid GRID = new IntervalGrid(ZoneOffset.ofHours(-6), Duration.ofMinutes(15));
  private static final LocalDate LAST = LocalDate.of(2026, 8, 31);

  @Property
  void the_plan_covers_every_missing_interval_of_the_window_exactly_once(
      @ForAll @IntRange(min = 1, max = 64) int span,
      @ForAll("dayStates") List<Integer> states,
      @ForAll @Size(64) List<@IntRange(min = 0, max = 95) Integer> holeStarts,
      @ForAll @Size(64) List<@IntRange(min = 1, max = 20) Integer> holeLengths) {
    DaySet complete = DaySet.none(LAST, span);
    Map<LocalDate, IntervalSet> partial = new HashMap<>();
    long expectedIntervals = 0;
    for (int offset = 0; offset < span; offset++) {
      LocalDate day = LAST.minusDays(offset);
      switch (states.get(offset)) {
        case 0 -> complete = complete.with(day);
        case 1 -> expectedIntervals += 96;
        default -> {
          int start = holeStarts.get(offset);
          int end = Math.min(96, start + holeLengths.get(offset));
          IntervalSet received = IntervalSet.none(96).withRange(0, start).withRange(end, 96);
          partial.put(day, received);
          expectedIntervals += received.missing();
        }
      }
    }
    var meter = new MeterCompleteness("m", complete, partial);

    RecoveryPlan plan = new RecoveryPlanner(GRID).plan(meter, new DayRange(LAST.minusDays(span - 1L), LAST));

    assertEquals(expectedIntervals, plan.intervalsMissing());
    assertEquals(complete.missingCount(), plan.incompleteDays().size());
    Instant previousEnd = Instant.MIN;
    for (MissingRange range : plan.ranges()) {
      assertFalse(range.range().from().isBefore(previousEnd), "ranges are in order and never overlap");
      assertEquals(range.intervals(), range.range().length().toMinutes() / 15, "the time range holds exactly its intervals");
      assertFalse(range.range().from().isBefore(GRID.startOf(range.days().first())));
      assertFalse(range.range().to().isAfter(GRID.startOf(range.days().last().plusDays(1))));
      for (LocalDate d = range.days().first(); !d.isAfter(range.days().last()); d = d.plusDays(1)) {
        assertFalse(complete.contains(d), "a complete day is never asked for");
      }
      previousEnd = range.range().to();
    }
    assertTrue(plan.ranges().isEmpty() == (expectedIntervals == 0));
  }

  /** Per day of the window: 0 complete, 1 no data, 2 partial. */
  @Provide
  Arbitrary<List<Integer>> dayStates() {
    return Arbitraries.integers().between(0, 2).list().ofSize(64);
  }
}
