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
  void a_meters_default_read_time_lies_inside_its_group() {
    for (ReadGroup group : CollectionWindow.DEFAULT.groups()) {
      for (int m = 0; m < 500; m++) {
        assertTrue(group.contains(group.readTimeFor("meter-" + m)));
      }
    }
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
  }
}
