package org.adcs.scheduler.completeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IntervalSetTest {

  @Test
  void a_day_with_a_hole_reports_the_hole_as_one_missing_run() {
    IntervalSet day = IntervalSet.all(96).union(IntervalSet.none(96));
    assertTrue(day.isComplete());

    IntervalSet holed = IntervalSet.none(96).withRange(0, 40).withRange(44, 96);

    assertEquals(List.of(new IntervalRun(40, 44)), holed.missingRuns());
    assertEquals(4, holed.missing());
    assertFalse(holed.isComplete());
  }

  @Test
  void a_day_without_data_is_one_run_over_the_whole_day() {
    assertEquals(List.of(new IntervalRun(0, 288)), IntervalSet.none(288).missingRuns());
  }

  @Test
  void words_from_the_store_round_trip_and_stray_bits_are_refused() {
    IntervalSet set = IntervalSet.none(96).with(0).with(63).with(64).with(95);
    assertEquals(set, IntervalSet.fromWords(96, set.toWords()));

    var error = assertThrows(IllegalArgumentException.class, () -> IntervalSet.fromWords(96, new long[] {0L, 1L << 40}));
    assertTrue(error.getMessage().contains("beyond interval 95"));
    assertThrows(IllegalArgumentException.class, () -> IntervalSet.fromWords(96, new long[] {0L}));
    assertThrows(IllegalArgumentException.class, () -> IntervalSet.none(0));
    assertThrows(IllegalArgumentException.class, () -> IntervalSet.none(96).with(96));
    assertThrows(IllegalArgumentException.class, () -> IntervalSet.none(96).withRange(10, 9));
    assertEquals(IntervalSet.none(96), IntervalSet.none(96).withRange(96, 96), "an empty range at the day's end is no change");
  }

  @Property
  void missing_runs_cover_exactly_the_missing_intervals_in_order_and_apart(
      @ForAll @IntRange(min = 1, max = 288) int intervalsPerDay,
      @ForAll @Size(max = 300) Set<@IntRange(min = 0, max = 287) Integer> received) {
    IntervalSet day = IntervalSet.none(intervalsPerDay);
    for (int i : received) {
      if (i < intervalsPerDay) {
        day = day.with(i);
      }
    }

    List<IntervalRun> runs = day.missingRuns();

    int covered = 0;
    int previousEnd = -1;
    for (IntervalRun run : runs) {
      // Runs are maximal: the interval before each run was received, so runs never touch.
      assertTrue(run.first() > previousEnd, "runs must be sorted and separated");
      for (int i = run.first(); i < run.endExclusive(); i++) {
        assertFalse(day.contains(i));
      }
      if (run.endExclusive() < intervalsPerDay) {
        assertTrue(day.contains(run.endExclusive()));
      }
      covered += run.length();
      previousEnd = run.endExclusive();
    }
    assertEquals(day.missing(), covered);
    assertEquals(intervalsPerDay, day.received() + day.missing());
  }

  @Property
  void union_receives_what_either_day_received(
      @ForAll Set<@IntRange(min = 0, max = 95) Integer> a, @ForAll Set<@IntRange(min = 0, max = 95) Integer> b) {
    IntervalSet left = IntervalSet.none(96);
    IntervalSet right = IntervalSet.none(96);
    for (int i : a) {
      left = left.with(i);
    }
    for (int i : b) {
      right = right.with(i);
    }

    IntervalSet union = left.union(right);

    for (int i = 0; i < 96; i++) {
      assertEquals(a.contains(i) || b.contains(i), union.contains(i));
    }
  }
}
