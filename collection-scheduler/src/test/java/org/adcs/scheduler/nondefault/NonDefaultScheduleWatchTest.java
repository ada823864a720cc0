package org.adcs.scheduler.nondefault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.fakes.FakeMeterPort;
import org.adcs.scheduler.fakes.InMemoryNonDefaultScheduleReadSide;
import org.adcs.scheduler.fakes.InMemoryRunRecords;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadSource;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.readside.ScheduledMeter;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class NonDefaultScheduleWatchTest {

  private static final ActorTestKit testKit = ActorTestKit.create(ManualTime.config());
  private static final ManualTime manualTime = ManualTime.get(testKit.system());
  private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static ScheduledMeter hourly(String meterId, String receivedThrough) {
    return new ScheduledMeter(meterId, new NonDefaultSchedule("premium-" + meterId, START, Optional.empty(), Duration.ofHours(1), "operator alice"),
        Optional.of(Instant.parse(receivedThrough)));
  }

  @Test
  void misses_are_recovered_after_ten_minutes_three_times_verifying_the_schedule_in_the_meter_R_MIS_3() {
    var clock = new ManualClock(Instant.parse("2026-04-01T12:00:00Z"));
    var readSide = new InMemoryNonDefaultScheduleReadSide()
        .put(hourly("current", "2026-04-01T11:00:00Z"))
        .put(hourly("late", "2026-04-01T10:00:00Z"))
        .put(hourly("lost-schedule", "2026-04-01T10:00:00Z"))
        .put(hourly("silent", "2026-04-01T10:00:00Z"));
    var port = new FakeMeterPort(r -> {
      if (r.meterId().equals("silent")) {
        return new ReadOutcome.Failed(r.meterId(), "no answer");
      }
      readSide.received(r.meterId(), r.range().to());
      int intervals = (int) r.range().length().toMinutes() / 15;
      return new ReadOutcome.Collected(r.meterId(), intervals, intervals, "tcp:node-1");
    }, w -> new ScheduleAck.Acknowledged(w.meterId(), Instant.EPOCH)).scheduleNotSetIn("lost-schedule");
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(8, 2, 100, Duration.ofMinutes(4)), port));
    // Checks every 4 minutes, so no check coincides with a retry: a meter still missing after its last
    // attempt is rightly detected again by the next check, which this test does not reach.
    var settings = new NonDefaultSettings(Duration.ofMinutes(4), Duration.ofMinutes(10), 3, 100, 100);
    var watch = testKit.spawn(NonDefaultScheduleWatch.create(settings, readSide, new InMemoryRunRecords(), workload, clock, ZoneOffset.ofHours(-5)));
    awaitReport(watch, r -> r.detected() == 0); // started, its check timer set, before time moves

    passes(clock, Duration.ofMinutes(5));
    awaitReport(watch, r -> r.detected() == 3);
    assertEquals(List.of(), port.reads(), "nothing is read before the ten minutes");

    passes(clock, Duration.ofMinutes(10));
    awaitReport(watch, r -> r.recovered() == 2);
    assertEquals(List.of("lost-schedule"), port.nonDefaultWrites());
    passes(clock, Duration.ofMinutes(10));
    awaitReport(watch, r -> port.readsOf("silent") == 2);
    passes(clock, Duration.ofMinutes(10));
    NonDefaultReport report = awaitReport(watch, r -> r.failed() == 1);

    assertEquals(3, report.detected());
    assertEquals(2, report.recovered());
    assertEquals(1, report.schedulesRewritten());
    assertEquals(3, port.readsOf("silent"));
    assertEquals(0, port.readsOf("current"));
    NonDefaultMiss silent = report.failures().get(0);
    assertEquals("silent", silent.meterId());
    assertEquals(3, silent.attempts());
    assertEquals(Instant.parse("2026-04-01T10:00:00Z"), silent.missing().from());
    assertEquals(Instant.parse("2026-04-01T12:00:00Z"), silent.missing().to());
    assertTrue(port.reads().stream().allMatch(r -> r.source() == ReadSource.RECOVERY));
  }

  private static void passes(ManualClock clock, Duration d) {
    clock.advance(d);
    manualTime.timePasses(d);
  }

  private static NonDefaultReport awaitReport(ActorRef<NonDefaultScheduleWatch.Command> watch, Predicate<NonDefaultReport> ready) {
    TestProbe<NonDefaultReport> probe = testKit.createTestProbe();
    return probe.awaitAssert(Duration.ofSeconds(5), () -> {
      watch.tell(new NonDefaultScheduleWatch.GetReport(probe.getRef()));
      NonDefaultReport report = probe.receiveMessage();
      assertTrue(ready.test(report), report.toString());
      return report;
    });
  }
}
