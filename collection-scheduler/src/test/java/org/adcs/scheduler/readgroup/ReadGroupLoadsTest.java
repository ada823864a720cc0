package org.adcs.scheduler.readgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** R-SCH-2: new meters go to the least loaded read group, keeping the groups balanced. */
class ReadGroupLoadsTest {

  @Property
  void assigning_to_balanced_groups_keeps_them_within_one_meter(
      @ForAll @IntRange(min = 1, max = 48) int groups, @ForAll @IntRange(min = 0, max = 5000) int base,
      @ForAll @IntRange(min = 0, max = 5000) int newMeters) {
    int[] sizes = new int[groups];
    Arrays.fill(sizes, base);
    var loads = new ReadGroupLoads(sizes);

    for (int i = 0; i < newMeters; i++) {
      loads.assignLeastLoaded();
      assertTrue(loads.spread() <= 1);
    }
    assertEquals((long) groups * base + newMeters, loads.total());
  }

  @Property
  void each_meter_goes_to_a_smallest_group_and_enough_meters_level_the_groups(
      @ForAll @Size(min = 1, max = 48) int[] initial, @ForAll @IntRange(min = 0, max = 3000) int newMeters) {
    int[] sizes = Arrays.stream(initial).map(s -> Math.floorMod(s, 2000)).toArray();
    var loads = new ReadGroupLoads(sizes);
    long before = loads.total();
    int spread = loads.spread();
    int max = Arrays.stream(sizes).max().orElseThrow();
    long toLevel = Arrays.stream(sizes).mapToLong(s -> max - s).sum();

    for (int i = 0; i < newMeters; i++) {
      int smallest = Arrays.stream(loads.sizes()).min().orElseThrow();
      int group = loads.assignLeastLoaded();
      assertEquals(smallest + 1, loads.size(group));
      assertTrue(loads.spread() <= Math.max(spread, 1));
    }

    assertEquals(before + newMeters, loads.total());
    if (newMeters >= toLevel) {
      assertTrue(loads.spread() <= 1);
    }
  }

  @Property
  void moves_and_releases_keep_the_total_consistent(@ForAll @IntRange(min = 2, max = 24) int groups, @ForAll @IntRange(min = 1, max = 200) int meters) {
    var loads = ReadGroupLoads.empty(groups);
    for (int i = 0; i < meters; i++) {
      loads.assignLeastLoaded();
    }
    loads.move(0, groups - 1);
    loads.release(groups - 1);

    assertEquals(meters - 1, loads.total());
  }
}
