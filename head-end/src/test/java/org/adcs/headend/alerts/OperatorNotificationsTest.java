package org.adcs.headend.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.journal.JournalSchema;
import org.adcs.headend.journal.JournalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notices and their acknowledgements in a real (H2 file) journal database, across a restart. */
class OperatorNotificationsTest {

  private static final Instant T0 = Instant.parse("2026-03-10T06:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private JournalSettings journal() {
    JournalSettings settings = new JournalSettings("jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_DELAY=-1", "adcs", "", 4,
        Duration.ofSeconds(5));
    JournalSchema.migrate(settings);
    return settings;
  }

  private static Notice failedRead(int n) {
    return new Notice("read-failed:" + n, Notice.Kind.READ_FAILED, Optional.of("M" + n), T0.plusSeconds(n), "no answer " + n);
  }

  @Test
  void noticesAreStoredOncePagedNewestFirstAndAcknowledgedDurably() throws Exception {
    JournalSettings journal = journal();
    long first;
    try (OperatorNotifications alerts = OperatorNotifications.start(journal, CLOCK)) {
      for (int n = 1; n <= 7; n++) {
        alerts.raise(failedRead(n));
      }
      alerts.raise(failedRead(3)); // a projection replaying an event raises it again
      await(() -> alerts.list(false, Optional.empty(), 100).alerts().size() == 7, alerts);
      TimeUnit.MILLISECONDS.sleep(300);
      assertEquals(7, alerts.list(false, Optional.empty(), 100).alerts().size(), "the repeated notice is stored once");

      List<String> meters = new ArrayList<>();
      OperatorNotifications.Page page = alerts.list(true, Optional.empty(), 3);
      int pages = 0;
      while (true) {
        pages++;
        page.alerts().forEach(a -> meters.add(a.notice().meterId().orElseThrow()));
        if (page.next().isEmpty()) {
          break;
        }
        page = alerts.list(true, page.next(), 3);
      }
      assertEquals(List.of("M7", "M6", "M5", "M4", "M3", "M2", "M1"), meters);
      assertEquals(3, pages);

      first = alerts.list(false, Optional.empty(), 100).alerts().get(6).id();
      assertEquals(OperatorNotifications.Acknowledgement.ACKNOWLEDGED, alerts.acknowledge(first, "dana"));
      assertEquals(OperatorNotifications.Acknowledgement.ALREADY_ACKNOWLEDGED, alerts.acknowledge(first, "lee"));
      assertEquals(OperatorNotifications.Acknowledgement.UNKNOWN, alerts.acknowledge(first + 1000, "lee"));
      assertEquals(6, alerts.openCount());
      assertEquals(6, alerts.list(true, Optional.empty(), 100).alerts().size());
    }
    // Another start of the node on the same database: the acknowledgement and who gave it are there.
    try (OperatorNotifications alerts = OperatorNotifications.start(journal, CLOCK)) {
      OperatorNotifications.Stored stored = alerts.find(first).orElseThrow();
      assertEquals(Optional.of("dana"), stored.acknowledgedBy());
      assertEquals(Optional.of(CLOCK.instant()), stored.acknowledgedAt());
      assertEquals(T0.plusSeconds(1), stored.notice().raisedAt());
      assertEquals(Notice.Kind.READ_FAILED, stored.notice().kind());
      assertEquals("no answer 1", stored.notice().detail());
      assertEquals(6, alerts.openCount());
    }
  }

  @Test
  void aLongDetailIsShortenedAndAKeyTooLongRefused() {
    Notice notice = new Notice("k", Notice.Kind.CLOCK_ERROR, Optional.empty(), T0, "x".repeat(5000));
    assertEquals(1024, notice.detail().length());
    assertTrue(notice.detail().endsWith("..."));
    try {
      new Notice("k".repeat(201), Notice.Kind.CLOCK_ERROR, Optional.empty(), T0, "d");
      throw new AssertionError("a 201-character key was taken");
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage().contains("200"));
    }
  }

  private static void await(java.util.function.BooleanSupplier done, OperatorNotifications alerts) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "notices not stored: " + alerts.list(false, Optional.empty(), 100));
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }
}
