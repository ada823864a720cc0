package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.adcs.mdm.routing.Feed;
import org.junit.jupiter.api.Test;

/** Stream ids: a resume finds the exact feed position again, to the microsecond; foreign ids are refused. */
class FeedStreamTest {

  @Test
  void anIdNamesItsFeedPositionExactly() {
    Feed.Position position = new Feed.Position(Feed.Position.before(Instant.parse("2026-11-22T01:02:03.123456Z"))
        .micros(), "SIM00000042", "reading:active-import:2026-11-21:v3");
    String id = FeedStream.id(position);
    assertEquals("2026-11-22T01:02:03.123456Z/SIM00000042/reading:active-import:2026-11-21:v3", id);
    assertEquals(position, FeedStream.position(id));
    Feed.Position next = new Feed.Position(position.micros() + 1, "SIM00000001", "event:1");
    assertTrue(FeedStream.position(FeedStream.id(next)).compareTo(position) > 0, "one microsecond later is after it");
  }

  @Test
  void idsNotFromTheStreamAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> FeedStream.position("yesterday"));
    assertThrows(IllegalArgumentException.class, () -> FeedStream.position("2026-11-22T01:02:03Z/SIM 1/event:1"));
    assertThrows(IllegalArgumentException.class, () -> FeedStream.position("22.11.2026/SIM00000001/event:1"));
  }
}
