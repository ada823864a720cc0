package org.adcs.headend.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.adcs.headend.meter.MeterModel.LoggedEvent;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

  private static List<LoggedEvent> events(long from, long to) {
    List<LoggedEvent> events = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      events.add(new LoggedEvent(s, 1, "POWER_OUTAGE", LocalDateTime.of(2026, 11, 21, 0, 0)));
    }
    return events;
  }

  @Test
  void keepsTheNewestUpToItsCapacityAndTakesAnythingOlderAsReceived() {
    RecentEvents held = RecentEvents.NONE.with(events(1, RecentEvents.CAPACITY + 10));
    assertEquals(RecentEvents.CAPACITY, held.sequences().length);
    assertEquals(RecentEvents.CAPACITY + 10, held.newest());
    assertFalse(held.isNew(5), "older than everything held: taken as received");
    assertFalse(held.isNew(RecentEvents.CAPACITY), "held");
    assertTrue(held.isNew(RecentEvents.CAPACITY + 11), "newer");
  }

  @Test
  void aGapInsideTheWindowIsStillNew() {
    RecentEvents held = RecentEvents.NONE.with(events(10, 12)).with(events(20, 20));
    assertTrue(held.isNew(15));
    assertFalse(held.isNew(11));
    assertEquals(List.of(15L), held.newOnes(events(11, 15)).stream().map(LoggedEvent::sequence).filter(s -> s == 15).toList());
    assertEquals(3, held.newOnes(events(11, 15)).size(), "13, 14 and 15 are new, 11 and 12 held");
  }
}
