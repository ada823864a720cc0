package org.adcs.headend.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.bridge.ProjectionOffsets;
import org.adcs.headend.bridge.ReadingsProjection;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ConnectionKind;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.meter.MeterState;
import org.adcs.headend.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Journal retention on the real journal database: only events that are old enough, delivered by the
 * projection and covered by a later snapshot are deleted, and the meters come back from what is
 * left with the same state after a restart (H2; PostgreSQL where .ci/run provides it).
 */
class JournalRetentionIT {

  private static final Duration ASK = Duration.ofSeconds(15);
  /** Snapshots every 100 events (Meter.retentionCriteria): 230 events leave snapshots at 100 and 200. */
  private static final int MANY = 230;
  private static final int FEW = 50;

  @Test
  void deliveredEventsBehindASnapshotGoAndEverythingElseStaysOnH2() throws Exception {
    keepsWhatIsNeeded(TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("retention-h2"), "adcs_retention_it"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ADCS_TEST_POSTGRES_URL", matches = ".+")
  void deliveredEventsBehindASnapshotGoAndEverythingElseStaysOnPostgres() throws Exception {
    keepsWhatIsNeeded(TestNodes.withSharedCassandra(
        TestNodes.withPostgresJournal(TestNodes.nodeEnvironment("retention-pg")), "adcs_retention_it"));
  }

  private static void keepsWhatIsNeeded(Map<String, String> env) throws Exception {
    String delivered = meterOnTag(1, null);
    String undelivered = meterOnTag(1000, Meter.tagFor(delivered));
    String young = meterOnTag(2000, null);
    HeadEndSettings settings = TestNodes.settings(env);
    try (HeadEnd headEnd = HeadEnd.start(settings)) {
      failReads(headEnd, delivered, MANY);
      failReads(headEnd, undelivered, MANY);
      failReads(headEnd, young, FEW);
      awaitDelivered(settings.journal(), List.of(delivered, undelivered, young));
    }
    // The projection has not got to the undelivered meter's events (as if the store were down).
    new ProjectionOffsets(settings.journal(), Runnable::run, Clock.systemUTC())
        .save(ReadingsProjection.NAME, Meter.tagFor(undelivered), 0).toCompletableFuture().get(10, TimeUnit.SECONDS);

    JournalRetention retention = new JournalRetention(settings.journal(),
        new JournalRetention.Settings(true, Duration.ofMillis(1), Duration.ofHours(1), 40),
        List.of(ReadingsProjection.NAME), Clock.systemUTC());
    long deleted = retention.runOnce(Instant.now().plusSeconds(1));

    assertEquals(MANY - 199, events(settings.journal(), delivered), "events 1..199 are behind the snapshot at 200");
    assertEquals(MANY, events(settings.journal(), undelivered), "nothing the projection has not delivered goes");
    assertEquals(FEW, events(settings.journal(), young), "a meter without a snapshot keeps every event");
    assertEquals(199, deleted);
    assertEquals(0, retention.runOnce(Instant.now().plusSeconds(1)), "a second run finds nothing more");

    try (HeadEnd again = HeadEnd.start(settings)) {
      // Registration is the first event; every other one is a failed read.
      assertEquals(MANY - 1, status(again, delivered).readFailures(), "recovered from snapshot 200 and what follows");
      assertEquals(MANY - 1, status(again, undelivered).readFailures());
      assertEquals(FEW - 1, status(again, young).readFailures());
    }
    System.out.printf("journal retention: %d events deleted; %d, %d and %d left for the three meters%n", deleted,
        events(settings.journal(), delivered), events(settings.journal(), undelivered), events(settings.journal(), young));
  }

  /** A meter id from {@code from} on whose tag is (or, with {@code notTag}, is not) another's. */
  private static String meterOnTag(int from, String notTag) {
    for (int n = from; ; n++) {
      String id = String.format("SIM%08d", n);
      if (notTag == null || !Meter.tagFor(id).equals(notTag)) {
        return id;
      }
    }
  }

  private static void failReads(HeadEnd headEnd, String id, int count) throws Exception {
    var meter = headEnd.meters().meter(id);
    meter.<Meter.Reply>ask(replyTo -> new Meter.Announce(new Registration(id, "ADC" + id.substring(3), "dlms-lls",
        ConnectionKind.METER_CONNECTS, null, "lls/" + id), Instant.parse("2026-11-22T07:00:00Z"), null, replyTo), ASK)
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    for (int i = 0; i < count - 1; i++) { // registration is the first event
      assertEquals(new Meter.Accepted(true), meter.<Meter.Reply>ask(replyTo -> new Meter.RecordReadFailure("test read",
          "no answer", Instant.parse("2026-11-22T07:00:00Z"), replyTo), ASK).toCompletableFuture().get(30, TimeUnit.SECONDS));
    }
  }

  private static MeterState status(HeadEnd headEnd, String id) throws Exception {
    return headEnd.meters().meter(id).<MeterState>ask(Meter.GetStatus::new, ASK).toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private static void awaitDelivered(JournalSettings journal, List<String> ids) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String id : ids) {
      while (true) {
        try (Connection c = JournalSchema.connect(journal); PreparedStatement s = c.prepareStatement(
            "SELECT (SELECT MAX(\"ordering\") FROM \"event_journal\" WHERE \"persistence_id\" = ?),"
                + " (SELECT \"offset\" FROM \"projection_offset\" WHERE \"projection\" = ? AND \"tag\" = ?)")) {
          s.setString(1, "Meter|" + id);
          s.setString(2, ReadingsProjection.NAME);
          s.setString(3, Meter.tagFor(id));
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getObject(2) != null && rs.getLong(2) >= rs.getLong(1)) {
              break;
            }
          }
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the projection did not deliver meter " + id + "'s events within 60 s");
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
  }

  private static long events(JournalSettings journal, String id) throws Exception {
    try (Connection c = JournalSchema.connect(journal); PreparedStatement s = c.prepareStatement(
        "SELECT COUNT(*) FROM \"event_journal\" WHERE \"persistence_id\" = ?")) {
      s.setString(1, "Meter|" + id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
