package org.adcs.scheduler.readgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionWindowTest {

  @Test
  void the_default_window_00_01_to_08_00_has_24_read_groups_the_last_one_shorter_R_SCH_2() {
    List<ReadGroup> groups = CollectionWindow.DEFAULT.groups();

    assertEquals(24, groups.size());
    assertEquals(24, CollectionWindow.DEFAULT.groupCount());
    assertEquals(new ReadGroup(0, LocalTime.of(0, 1), LocalTime.of(0, 21)), groups.get(0));
    assertEquals(new ReadGroup(22, LocalTime.of(7, 21), LocalTime.of(7, 41)), groups.get(22));
    assertEquals(new ReadGroup(23, LocalTime.of(7, 41), LocalTime.of(8, 0)), groups.get(23));
    for (int i = 0; i < groups.size(); i++) {
      assertEquals(groups.get(i), CollectionWindow.DEFAULT.group(i));
    }
  }

  @Test
  void a_time_in_the_window_belongs_to_exactly_one_group() {
    assertEquals(0, CollectionWindow.DEFAULT.groupAt(LocalTime.of(0, 1)).orElseThrow().index());
    assertEquals(1, CollectionWindow.DEFAULT.groupAt(LocalTime.of(0, 21)).orElseThrow().index());
    assertEquals(23, CollectionWindow.DEFAULT.groupAt(LocalTime.of(7, 59, 59)).orElseThrow().index());
    assertTrue(CollectionWindow.DEFAULT.groupAt(LocalTime.of(8, 0)).isEmpty());
    assertTrue(CollectionWindow.DEFAULT.groupAt(LocalTime.MIDNIGHT).isEmpty());
  }

  @Test
  void a_meters_default_read_time_lies_inside_its_group_clear_of_the_slots_last_minutes_R_SCH_4() {
    var window = CollectionWindow.DEFAULT;
    for (ReadGroup group : window.groups()) {
      LocalTime latest = group.start();
      for (int m = 0; m < 2000; m++) {
        LocalTime time = window.readTimeFor(group.index(), "meter-" + m);
        assertTrue(group.contains(time), time + " in " + group);
        assertTrue(time.isBefore(group.end().minus(CollectionWindow.DEFAULT_MARGIN)), time + " clear of the margin of " + group);
        latest = time.isAfter(latest) ? time : latest;
      }
      // Still spread over the rest of the slot, not bunched at its start.
      long spreadSeconds = Duration.between(group.start(), group.end()).minus(CollectionWindow.DEFAULT_MARGIN).toSeconds();
      assertTrue(Duration.between(group.start(), latest).toSeconds() > spreadSeconds * 9 / 10, "spread up to " + latest + " in " + group);
    }
  }

  @Test
  void a_slot_shorter_than_twice_the_margin_keeps_its_first_half_for_read_times() {
    var window = new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(1, 7), Duration.ofMinutes(20), Duration.ofMinutes(5));
    ReadGroup last = window.group(3);
    assertEquals(Duration.ofMinutes(6), Duration.between(last.start(), last.end()));
    for (int m = 0; m < 500; m++) {
      LocalTime time = window.readTimeFor(3, "meter-" + m);
      assertTrue(!time.isBefore(last.start()) && time.isBefore(last.start().plusMinutes(3)), time.toString());
    }
  }

  @Test
  void no_margin_spreads_read_times_over_the_whole_slot() {
    var window = new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(0, 21), Duration.ofMinutes(20), Duration.ZERO);
    boolean inLastFiveMinutes = false;
    for (int m = 0; m < 500; m++) {
      LocalTime time = window.readTimeFor(0, "meter-" + m);
      assertTrue(window.group(0).contains(time));
      inLastFiveMinutes |= !time.isBefore(LocalTime.of(0, 16));
    }
    assertTrue(inLastFiveMinutes);
  }

  @Test
  void an_invalid_window_is_refused_with_the_reason() {
    var reversed = assertThrows(IllegalArgumentException.class,
        () -> new CollectionWindow(LocalTime.of(8, 0), LocalTime.of(0, 1), Duration.ofMinutes(20)));
    assertTrue(reversed.getMessage().contains("must start before it ends"));
    var seconds = assertThrows(IllegalArgumentException.class,
        () -> new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(8, 0), Duration.ofSeconds(90)));
    assertTrue(seconds.getMessage().contains("whole minutes"));
    assertThrows(IllegalArgumentException.class,
        () -> new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(0, 11), Duration.ofMinutes(20)));
    var margin = assertThrows(IllegalArgumentException.class,
        () -> new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(8, 0), Duration.ofMinutes(20), Duration.ofMinutes(20)));
    assertTrue(margin.getMessage().contains("read time margin"));
    assertThrows(IllegalArgumentException.class,
        () -> new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(8, 0), Duration.ofMinutes(20), Duration.ofMinutes(-1)));
  }
}
