package org.adcs.scheduler.completeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DaySetTest {

  private static final LocalDate YESTERDAY = LocalDate.of(2026, 3, 14);

  @Test
  void a_45_day_window_names_missing_days_and_their_runs_oldest_first_R_MIS_2() {
    DaySet days = DaySet.all(YESTERDAY, 45)
        .without(YESTERDAY)
        .without(YESTERDAY.minusDays(1))
        .without(YESTERDAY.minusDays(10))
        .without(YESTERDAY.minusDays(44));

    assertEquals(4, days.missingCount());
    assertEquals(List.of(YESTERDAY.minusDays(44), YESTERDAY.minusDays(10), YESTERDAY.minusDays(1), YESTERDAY), days.missingDays());
    assertEquals(List.of(
        DayRange.of(YESTERDAY.minusDays(44)),
        DayRange.of(YESTERDAY.minusDays(10)),
        new DayRange(YESTERDAY.minusDays(1), YESTERDAY)), days.missingRanges());
    assertEquals(2, days.recentMissingStreak());
  }

  @Test
  void days_outside_the_window_are_not_contained_and_cannot_be_marked() {
    DaySet days = DaySet.all(YESTERDAY, 45);
    assertFalse(days.contains(YESTERDAY.plusDays(1)));
    assertFalse(days.contains(YESTERDAY.minusDays(45)));
    assertTrue(days.contains(YESTERDAY.minusDays(44)));
    assertThrows(IllegalArgumentException.class, () -> days.with(YESTERDAY.minusDays(45)));
    assertThrows(IllegalArgumentException.class, () -> new DaySet(YESTERDAY, 65, 0));
    assertThrows(IllegalArgumentException.class, () -> new DaySet(YESTERDAY, 3, 0b1000));
  }

  @Test
  void a_full_64_day_window_uses_every_bit() {
    DaySet none = DaySet.none(YESTERDAY, 64);
    assertEquals(64, none.recentMissingStreak());
    assertEquals(List.of(new DayRange(YESTERDAY.minusDays(63), YESTERDAY)), none.missingRanges());
    assertEquals(0, DaySet.all(YESTERDAY, 64).missingCount());
  }

  @Property
  void missing_ranges_partition_the_missing_days(
      @ForAll @IntRange(min = 1, max = 64) int span, @ForAll Set<@IntRange(min = 0, max = 63) Integer> presentOffsets) {
    DaySet days = DaySet.none(YESTERDAY, span);
    for (int offset : presentOffsets) {
      if (offset < span) {
        days = days.with(YESTERDAY.minusDays(offset));
      }
    }

    int total = 0;
    LocalDate previousLast = null;
    for (DayRange range : days.missingRanges()) {
      if (previousLast != null) {
        // Ranges are maximal: at least one present day lies between two ranges.
        assertTrue(range.first().isAfter(previousLast.plusDays(1)));
      }
      for (LocalDate d = range.first(); !d.isAfter(range.last()); d = d.plusDays(1)) {
        assertFalse(days.contains(d));
      }
      total += range.days();
      previousLast = range.last();
    }
    assertEquals(days.missingCount(), total);
    assertEquals(days.missingCount(), days.missingDays().size());

    int streak = 0;
    while (streak < span && !days.contains(YESTERDAY.minusDays(streak))) {
      streak++;
    }
    assertEquals(streak, days.recentMissingStreak());
  }
}
