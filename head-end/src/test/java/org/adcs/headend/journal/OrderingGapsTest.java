package org.adcs.headend.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.headend.config.InvalidSettingException;
import org.junit.jupiter.api.Test;

/** The journal reader's bookkeeping of orderings it moved past without a row (late commits). */
class OrderingGapsTest {

  private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
  private static final OrderingGaps.Settings TEN_MINUTES = new OrderingGaps.Settings(Duration.ofMinutes(10), 5);

  @Test
  void awaitsUntilFoundAndKeepsTheFirstSighting() {
    OrderingGaps gaps = new OrderingGaps(TEN_MINUTES);
    assertTrue(gaps.isEmpty());
    assertEquals(0, gaps.add(List.of(7L, 3L), T0));
    assertEquals(0, gaps.add(List.of(3L), T0.plusSeconds(60)), "already awaited: not added again");
    assertArrayEquals(new long[] {3, 7}, gaps.orderings());
    assertEquals(Optional.of(T0), gaps.found(3), "first seen when first added");
    assertEquals(Optional.empty(), gaps.found(3), "found once only");
    assertArrayEquals(new long[] {7}, gaps.orderings());
  }

  @Test
  void givesUpAfterTheAgeOnly() {
    OrderingGaps gaps = new OrderingGaps(TEN_MINUTES);
    gaps.add(List.of(5L), T0);
    gaps.add(List.of(9L), T0.plusSeconds(300));
    assertEquals(List.of(), gaps.giveUp(T0.plusSeconds(600)), "exactly the age: still awaited");
    assertEquals(List.of(new OrderingGaps.Gap(5, T0)), gaps.giveUp(T0.plusSeconds(601)));
    assertArrayEquals(new long[] {9}, gaps.orderings());
    assertEquals(List.of(new OrderingGaps.Gap(9, T0.plusSeconds(300))), gaps.giveUp(T0.plusSeconds(901)));
    assertTrue(gaps.isEmpty());
  }

  @Test
  void holdsNoMoreThanItsCapacityAndReportsFullOnce() {
    OrderingGaps gaps = new OrderingGaps(TEN_MINUTES);
    assertEquals(2, gaps.add(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), T0));
    assertEquals(5, gaps.size());
    assertEquals(0, gaps.room());
    assertTrue(gaps.reportFull());
    assertFalse(gaps.reportFull(), "reported once while it stays full");
    gaps.found(1);
    assertFalse(gaps.reportFull());
    gaps.add(List.of(8L), T0);
    assertTrue(gaps.reportFull(), "full again: reported again");
  }

  @Test
  void holesBelowRecentRowsAreAwaitedNewestFirst() {
    // Window (10, 20]: rows 20, 18, 15, 14, 12 all recent; 19, 17, 16, 13 and 11 missing.
    assertEquals(List.of(19L, 17L, 16L, 13L, 11L),
        walk(10, 1000, 100, row(20, 1000), row(18, 1000), row(15, 1000), row(14, 1000), row(12, 1000)));
  }

  @Test
  void holesBelowAnOldRowAreNotAwaitedAndTheWalkStopsThere() {
    // Row 15 is older than the horizon: 14..11 are deleted history, not late inserts.
    OrderingGaps.HoleWalk walk = new OrderingGaps.HoleWalk(10, 1000, 100);
    assertTrue(walk.row(20, 1500));
    assertFalse(walk.row(15, 999), "an old row ends the walk");
    assertEquals(List.of(19L, 18L, 17L, 16L), walk.holes());
  }

  @Test
  void holesAboveTheHighestRowAreNotAwaited() {
    // Row 20 (the window's top) deleted: nothing dates 19 and 20.
    assertEquals(List.of(17L), walk(15, 1000, 100, row(18, 2000), row(16, 2000)));
    assertEquals(List.of(), walk(15, 1000, 100));
  }

  @Test
  void theWalkTakesNoMoreThanTheRoomLeft() {
    // After offset 0 on a journal whose first million orderings were deleted, the first row recent.
    OrderingGaps.HoleWalk walk = new OrderingGaps.HoleWalk(0, 0, 3);
    assertTrue(walk.row(1_000_000, 5));
    assertEquals(List.of(999_999L, 999_998L, 999_997L), walk.holes());
  }

  @Test
  void settingsAreValidated() {
    OrderingGaps.Settings read = OrderingGaps.Settings.from(ConfigFactory.parseMap(Map.of(
        "adcs.journal.late-commits.give-up-after", "90s", "adcs.journal.late-commits.max-gaps", 20)));
    assertEquals(new OrderingGaps.Settings(Duration.ofSeconds(90), 20), read);
    InvalidSettingException zero = assertThrows(InvalidSettingException.class, () -> OrderingGaps.Settings.from(
        ConfigFactory.parseMap(Map.of("adcs.journal.late-commits.give-up-after", "0s",
            "adcs.journal.late-commits.max-gaps", 20))));
    assertTrue(zero.getMessage().contains("adcs.journal.late-commits.give-up-after"), zero.getMessage());
    InvalidSettingException none = assertThrows(InvalidSettingException.class, () -> OrderingGaps.Settings.from(
        ConfigFactory.parseMap(Map.of("adcs.journal.late-commits.give-up-after", "10m",
            "adcs.journal.late-commits.max-gaps", 0))));
    assertTrue(none.getMessage().contains("adcs.journal.late-commits.max-gaps"), none.getMessage());
  }

  private static long[] row(long ordering, long written) {
    return new long[] {ordering, written};
  }

  private static List<Long> walk(long after, long recentSince, int limit, long[]... rowsDown) {
    OrderingGaps.HoleWalk walk = new OrderingGaps.HoleWalk(after, recentSince, limit);
    for (long[] row : rowsDown) {
      if (!walk.row(row[0], row[1])) {
        break;
      }
    }
    return walk.holes();
  }
}
