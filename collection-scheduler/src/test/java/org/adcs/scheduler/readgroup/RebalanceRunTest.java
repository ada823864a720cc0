package org.adcs.scheduler.readgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.fakes.FakeMeterPort;
import org.adcs.scheduler.fakes.InMemoryReadGroupReadSide;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.readside.CollectionTiming;
import org.adcs.scheduler.readside.CollectionTiming.Punctuality;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RebalanceRunTest {

  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final LocalDate FIRST = LocalDate.of(2026, 5, 3);
  private static final LocalDate LAST = LocalDate.of(2026, 5, 9);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void the_weekly_review_moves_ten_percent_of_the_late_group_and_records_every_action_R_SCH_4() {
    // Four 20-minute groups; group 0 is late 40 % of the time, groups 1 and 3 always on time.
    var window = new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(1, 21), Duration.ofMinutes(20));
    int[] sizes = {100, 90, 100, 91};
    var readSide = new InMemoryReadGroupReadSide(4);
    for (int g = 0; g < 4; g++) {
      for (int m = 0; m < sizes[g]; m++) {
        String meter = String.format("g%d-%03d", g, m);
        readSide.member(g, meter);
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
          Punctuality p = g == 0 && m % 5 < 2 ? Punctuality.LATE
              : g == 2 && m < 3 ? Punctuality.MISSED : Punctuality.ON_TIME;
          readSide.timing(new CollectionTiming(meter, day, g, p));
        }
      }
    }
    var port = new FakeMeterPort(r -> null, w -> w.meterId().equals("g0-005")
        ? new ScheduleAck.NotAcknowledged(w.meterId(), "no answer")
        : new ScheduleAck.Acknowledged(w.meterId(), Instant.EPOCH));
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(8, 2, 1000, Duration.ofMinutes(4)), port));
    var clock = new ManualClock(Instant.parse("2026-05-10T09:00:00Z"));
    TestProbe<RebalanceRecord> records = testKit.createTestProbe();

    testKit.spawn(RebalanceRun.create(window, RebalancePolicy.DEFAULT, FIRST, LAST, 4, readSide, workload, clock, records.getRef()));

    RebalanceRecord record = records.receiveMessage();
    assertEquals(List.of(new GroupMove(0, 1, 6), new GroupMove(0, 3, 4)), record.analysis().moves());
    assertEquals(10, record.actions().size());
    assertEquals(9, record.acknowledged());
    List<String> moved = record.actions().stream().map(RebalanceAction::meterId).sorted().toList();
    // The group's own late meters go first (every meter m with m % 5 < 2 was late every day).
    assertEquals(List.of("g0-000", "g0-001", "g0-005", "g0-006", "g0-010", "g0-011", "g0-015", "g0-016", "g0-020", "g0-021"), moved);
    for (RebalanceAction action : record.actions()) {
      assertEquals(0, action.fromGroup());
      assertTrue(window.group(action.toGroup()).contains(action.newReadTime()));
      assertEquals(action.meterId().equals("g0-005") ? RebalanceAction.Status.NOT_ACKNOWLEDGED : RebalanceAction.Status.ACKNOWLEDGED,
          action.status());
    }
    assertEquals(6, record.actions().stream().filter(a -> a.toGroup() == 1).count());
  }

  @Test
  void when_too_few_meters_were_late_members_fill_the_share_R_SCH_4() {
    // Only three meters of group 0 are late (on two days of seven each): fewer than its share of five.
    var window = new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(0, 41), Duration.ofMinutes(20));
    var readSide = new InMemoryReadGroupReadSide(2);
    for (int g = 0; g < 2; g++) {
      for (int m = 0; m < 50; m++) {
        String meter = String.format("g%d-%03d", g, m);
        readSide.member(g, meter);
        int d = 0;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1), d++) {
          boolean late = g == 0 && (m == 10 || m == 20 || m == 30) && d < 2;
          readSide.timing(new CollectionTiming(meter, day, g, late ? Punctuality.LATE : Punctuality.ON_TIME));
        }
      }
    }
    // Over-committed above 1 % late: group 0 (6 of 350 = 1.7 %); group 1 is on time.
    var policy = new RebalancePolicy(0.10, 0.01, 0.0, 1);
    var port = new FakeMeterPort(r -> null, w -> new ScheduleAck.Acknowledged(w.meterId(), Instant.EPOCH));
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(8, 2, 1000, Duration.ofMinutes(4)), port));
    TestProbe<RebalanceRecord> records = testKit.createTestProbe();

    testKit.spawn(RebalanceRun.create(window, policy, FIRST, LAST, 4, readSide, workload, new ManualClock(Instant.EPOCH), records.getRef()));

    RebalanceRecord record = records.receiveMessage();
    assertEquals(List.of(new GroupMove(0, 1, 5)), record.analysis().moves());
    // The three late meters, then the first members to fill the share.
    assertEquals(List.of("g0-000", "g0-001", "g0-010", "g0-020", "g0-030"),
        record.actions().stream().map(RebalanceAction::meterId).sorted().toList());
    assertEquals(5, record.acknowledged());
  }

  @Test
  void a_review_without_collection_timings_stops_without_a_record_and_moves_nobody() {
    var failing = new InMemoryReadGroupReadSide(4).timingsUnavailable();
    var port = FakeMeterPort.parking();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(4, 1, 10, Duration.ofMinutes(4)), port));
    TestProbe<RebalanceRecord> records = testKit.createTestProbe();
    var window = new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(1, 21), Duration.ofMinutes(20));

    var run = testKit.spawn(RebalanceRun.create(window, RebalancePolicy.DEFAULT, FIRST, LAST, 4, failing, workload,
        new ManualClock(Instant.EPOCH), records.getRef()));

    records.expectTerminated(run);
    records.expectNoMessage(Duration.ofMillis(50));
    assertTrue(port.writes().isEmpty());
  }
}
