package org.adcs.headend.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The audit log's buffer is bounded and loses nothing (R-OPS-1): while the store cannot take
 * records, requests beyond the buffer are refused rather than served unrecorded, and what is
 * buffered is stored once the store is back. Against an in-memory H2 database with the real schema.
 */
class AuditLogTest {

  private final SecurityDatabase database = new SecurityDatabase();
  private final javax.sql.DataSource db = database.source;

  @Test
  void aFullBufferRefusesAndWhatWasBufferedIsStoredWhenTheStoreIsBack() throws Exception {
    Instant now = Instant.parse("2026-11-20T10:00:00Z");
    try (AuditLog audit = new AuditLog(db, 2, Duration.ofDays(1096), Clock.fixed(now, java.time.ZoneOffset.UTC))) {
      // No schema yet: every write fails and is retried.
      assertTrue(audit.reserve());
      audit.record(access(now, "esco", 200));
      assertTrue(audit.reserve());
      audit.record(access(now, "esco", 403));
      assertFalse(audit.reserve(), "two records wait for the store: a third request is refused");

      database.withSchema();
      await(audit::reserve, "the buffered records stored and their places freed");
      audit.record(access(now, "operator", 200));
      await(() -> audit.query(Optional.empty(), now.minusSeconds(1), now.plusSeconds(1), 0, 10).entries().size() == 3,
          "all three records stored");
      AuditLog.Page esco = audit.query(Optional.of("esco"), now.minusSeconds(1), now.plusSeconds(1), 0, 1);
      assertEquals(1, esco.entries().size());
      assertEquals(200, esco.entries().get(0).access().status());
      assertEquals(List.of("M1", "M2"), esco.entries().get(0).access().meterIds());
      assertEquals(Optional.of(Role.THIRD_PARTY), esco.entries().get(0).access().role());
      AuditLog.Page rest = audit.query(Optional.of("esco"), now.minusSeconds(1), now.plusSeconds(1),
          esco.next().orElseThrow(), 1);
      assertEquals(403, rest.entries().get(0).access().status());
      assertTrue(rest.next().isEmpty());
    }
  }

  @Test
  void recordsOlderThanTheRetentionArePurged() throws Exception {
    database.withSchema();
    Instant now = Instant.parse("2026-11-20T10:00:00Z");
    try (AuditLog writer = new AuditLog(db, 10, Duration.ofDays(1096), Clock.fixed(now, java.time.ZoneOffset.UTC))) {
      writer.reserve();
      writer.record(access(now.minus(Duration.ofDays(1100)), "old", 200));
      writer.reserve();
      writer.record(access(now.minus(Duration.ofDays(1000)), "recent", 200));
      await(() -> writer.query(Optional.empty(), Instant.EPOCH, now, 0, 10).entries().size() == 2, "both stored");
    }
    // A node starting later purges at once what is past the retention.
    try (AuditLog later = new AuditLog(db, 10, Duration.ofDays(1096), Clock.fixed(now, java.time.ZoneOffset.UTC))) {
      await(() -> later.query(Optional.empty(), Instant.EPOCH, now, 0, 10).entries().size() == 1, "old one purged");
      assertEquals(Optional.of("recent"),
          later.query(Optional.empty(), Instant.EPOCH, now, 0, 10).entries().get(0).access().principal());
    }
  }

  private static AuditLog.Access access(Instant at, String who, int status) {
    return new AuditLog.Access(at, Optional.of(who), Optional.of(who.equals("esco") ? Role.THIRD_PARTY : Role.OPERATOR),
        "GET", "/api/v1/meters/M1/reads", List.of("M1", "M2"), status, 120, 3);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail(what + " within 30 s");
      }
      Thread.sleep(50);
    }
  }
}
