package org.adcs.scheduler.readgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.fakes.FakeMeterPort;
import org.adcs.scheduler.fakes.InMemoryReadGroupReadSide;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AssignmentRunTest {

  private static final ActorTestKit testKit = ActorTestKit.create(ManualTime.config());
  private static final ManualTime manualTime = ManualTime.get(testKit.system());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void unscheduled_meters_fill_the_least_loaded_groups_and_non_acknowledging_meters_are_retried_and_listed_R_SCH_2_R_SCH_3() {
    var window = CollectionWindow.DEFAULT;
    var readSide = new InMemoryReadGroupReadSide(window.groupCount());
    for (int g = 0; g < window.groupCount(); g++) {
      int size = g == 5 ? 90 : g == 7 ? 80 : 100;
      for (int m = 0; m < size; m++) {
        readSide.member(g, "g" + g + "-" + m);
      }
    }
    List<String> fresh = IntStream.range(0, 98).mapToObj(i -> String.format("new-%03d", i)).toList();
    readSide.unscheduled(fresh).unscheduled(List.of("bad-1", "bad-2"));
    var port = new FakeMeterPort(r -> null, w -> w.meterId().startsWith("bad")
        ? new ScheduleAck.NotAcknowledged(w.meterId(), "schedule rejected by meter")
        : new ScheduleAck.Acknowledged(w.meterId(), Instant.EPOCH));
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(10, 2, 1000, Duration.ofMinutes(4)), port));
    var clock = new ManualClock(Instant.parse("2026-03-15T03:00:00Z"));
    TestProbe<AssignmentReport> reports = testKit.createTestProbe();
    var settings = new AssignmentSettings(7, 20, 3, Duration.ofMinutes(5), 10);

    testKit.spawn(AssignmentRun.create(window, settings, readSide, workload, clock, reports.getRef()));

    TestProbe<Object> waiter = testKit.createTestProbe();
    for (int writes = 100; writes <= 102; writes += 2) {
      int expected = writes;
      waiter.awaitAssert(Duration.ofSeconds(5), () -> {
        assertEquals(expected, port.writes().size());
        return null;
      });
      manualTime.timePasses(Duration.ofMinutes(5));
    }
    AssignmentReport report = reports.receiveMessage();

    assertEquals(98, report.acknowledged());
    assertEquals(2, report.notAcknowledged());
    assertEquals(List.of("bad-1", "bad-2"), report.notAcknowledgedMeters().stream().sorted().toList());
    assertEquals(3, port.writes().stream().filter(w -> w.meterId().equals("bad-1")).count());
    // The bad meters sort first and went to group 7, the smallest; their places were given back.
    // The other 98 levelled groups 5 and 7 and spread over all 24 groups within one meter.
    int[] after = report.groupSizesAfter();
    assertEquals(2370 + 98, Arrays.stream(after).sum());
    assertEquals(101, after[7], Arrays.toString(after));
    for (int g = 0; g < after.length; g++) {
      if (g != 7) {
        assertTrue(after[g] == 102 || after[g] == 103, Arrays.toString(after));
      }
    }
    assertEquals(98, Arrays.stream(report.assignedPerGroup()).sum());
    for (var write : port.writes()) {
      assertTrue(window.groupAt(write.readTime()).isPresent(), "read time " + write.readTime() + " inside the window");
    }
  }

  @Test
  void a_read_side_with_another_number_of_groups_is_not_assigned_to_and_the_report_says_nothing_was_done() {
    var readSide = new InMemoryReadGroupReadSide(12).unscheduled(List.of("m-1", "m-2"));
    var port = FakeMeterPort.parking();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(4, 1, 10, Duration.ofMinutes(4)), port));
    TestProbe<AssignmentReport> reports = testKit.createTestProbe();

    testKit.spawn(AssignmentRun.create(CollectionWindow.DEFAULT, AssignmentSettings.DEFAULT, readSide, workload,
        new ManualClock(Instant.EPOCH), reports.getRef()));

    AssignmentReport report = reports.receiveMessage();
    assertEquals(0, report.acknowledged());
    assertEquals(0, report.notAcknowledged());
    assertTrue(port.writes().isEmpty(), "the meters stay unscheduled for the next run");
  }
}
