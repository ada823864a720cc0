package org.adcs.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import akka.persistence.typed.PersistenceId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.fakes.FakeMeterPort;
import org.adcs.scheduler.fakes.InMemoryCompletenessReadSide;
import org.adcs.scheduler.fakes.InMemoryMissingDataHistory;
import org.adcs.scheduler.fakes.InMemoryNonDefaultScheduleReadSide;
import org.adcs.scheduler.fakes.InMemoryReadGroupReadSide;
import org.adcs.scheduler.fakes.InMemoryRunRecords;
import org.adcs.scheduler.fakes.RecordingAlerts;
import org.adcs.scheduler.outage.OutagePolicy;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.adcs.scheduler.trouble.TroubleReportPolicy;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CollectionSchedulerTest {

  private static final ActorTestKit testKit = ActorTestKit.create(ManualTime.config().withFallback(PersistenceTestKitPlugin.getInstance().config()));
  private static final ManualTime manualTime = ManualTime.get(testKit.system());
  private static final IntervalGrid GRID = new IntervalGrid(ZoneOffset.ofHours(-5), Duration.ofMinutes(15));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void evening_assignment_morning_completeness_and_sunday_review_run_at_their_standard_times_R_SCH_2_R_MIS_1_R_SCH_4() {
    // Saturday 2026-03-14, 20:00 standard time.
    var clock = new ManualClock(Instant.parse("2026-03-15T01:00:00Z"));
    var readGroups = new InMemoryReadGroupReadSide(24).unscheduled(List.of("new-1", "new-2", "new-3"));
    var completeness = new InMemoryCompletenessReadSide();
    for (int m = 0; m < 10; m++) {
      completeness.complete("m-" + m, LocalDate.of(2026, 3, 14), 45);
    }
    var port = new FakeMeterPort(r -> FakeMeterPort.fullAnswer(r, 96), w -> new ScheduleAck.Acknowledged(w.meterId(), clock.instant()));
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(10, 2, 100, Duration.ofMinutes(4)), port));
    var desk = testKit.spawn(TroubleDesk.create(PersistenceId.ofUniqueId("desk-" + UUID.randomUUID()), TroubleReportPolicy.DEFAULT, false, clock));
    // The store is away for the first save: the report is saved on the next attempt a minute later.
    var records = new InMemoryRunRecords().failFirst(1);
    var deps = new CollectionScheduler.Dependencies(readGroups, completeness, new InMemoryNonDefaultScheduleReadSide(), new InMemoryMissingDataHistory(), new RecordingAlerts(),
        workload, desk, records, clock);
    ActorRef<CollectionScheduler.Command> scheduler =
        testKit.spawn(CollectionScheduler.create(SchedulerSettings.DEFAULT, GRID, OutagePolicy.DEFAULT, deps));
    TestProbe<CollectionScheduler.LastReports> probe = testKit.createTestProbe();
    scheduler.tell(new CollectionScheduler.GetLastReports(probe.getRef()));
    probe.receiveMessage(); // started: its timers are set from the clock before time moves

    passes(clock, Duration.ofMinutes(59));
    scheduler.tell(new CollectionScheduler.GetLastReports(probe.getRef()));
    assertTrue(probe.receiveMessage().assignment().isEmpty(), "nothing runs before 21:00");

    passes(clock, Duration.ofMinutes(1));
    var afterEvening = awaitReports(scheduler, probe, r -> r.assignment().isPresent());
    assertEquals(3, afterEvening.assignment().orElseThrow().acknowledged());
    TestProbe<Object> waiter = testKit.createTestProbe();
    waiter.awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(1, records.attempts(), records.log().toString());
      return null;
    });
    assertTrue(records.saved().isEmpty());
    scheduler.tell(new CollectionScheduler.GetLastReports(probe.getRef()));
    probe.receiveMessage(); // the failed save's answer, queued before this question, is handled: its retry is set
    passes(clock, Duration.ofMinutes(1));
    waiter.awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(List.of(afterEvening.assignment().orElseThrow()), records.saved());
      return null;
    });

    passes(clock, Duration.ofHours(11).minusMinutes(1));
    var afterMorning = awaitReports(scheduler, probe, r -> r.completeness().isPresent());
    assertEquals(LocalDate.of(2026, 3, 14), afterMorning.completeness().orElseThrow().previousDay());
    assertEquals(10, afterMorning.completeness().orElseThrow().statistics().onSchedule());
    assertTrue(afterMorning.rebalance().isEmpty());

    passes(clock, Duration.ofHours(1));
    var afterReview = awaitReports(scheduler, probe, r -> r.rebalance().isPresent());
    assertEquals(LocalDate.of(2026, 3, 8), afterReview.rebalance().orElseThrow().analysis().firstDay());
    assertEquals(LocalDate.of(2026, 3, 14), afterReview.rebalance().orElseThrow().analysis().lastDay());
    waiter.awaitAssert(Duration.ofSeconds(5), () -> {
      // The watch over non-default schedules saved Saturday's report at midnight. The clock jumped 11 hours at
      // once, so it and the morning's report (each due at its first look at the clock since) come in either order.
      var saved = records.saved().stream().map(r -> r.getClass().getSimpleName()).toList();
      assertEquals(4, saved.size(), saved.toString());
      assertEquals("AssignmentReport", saved.get(0));
      assertEquals(java.util.Set.of("NonDefaultReport", "ExceptionReport"), java.util.Set.of(saved.get(1), saved.get(2)));
      assertEquals("RebalanceRecord", saved.get(3));
      return null;
    });
  }

  @Test
  void a_job_starts_on_the_scheduler_clock_even_when_that_clock_runs_ahead_of_the_timers_R_SCH_2() {
    // Saturday 2026-03-14, 20:00 standard time, on a clock that runs 60 times faster than the wall clock
    // (a simulation's, or one stepped forward): an hour passes on it while one minute passes for the timers.
    var clock = new ManualClock(Instant.parse("2026-03-15T01:00:00Z"));
    var readGroups = new InMemoryReadGroupReadSide(24).unscheduled(List.of("new-1"));
    var port = new FakeMeterPort(r -> FakeMeterPort.fullAnswer(r, 96), w -> new ScheduleAck.Acknowledged(w.meterId(), clock.instant()));
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(10, 2, 100, Duration.ofMinutes(4)), port));
    var desk = testKit.spawn(TroubleDesk.create(PersistenceId.ofUniqueId("desk-" + UUID.randomUUID()), TroubleReportPolicy.DEFAULT, false, clock));
    var deps = new CollectionScheduler.Dependencies(readGroups, new InMemoryCompletenessReadSide(), new InMemoryNonDefaultScheduleReadSide(),
        new InMemoryMissingDataHistory(), new RecordingAlerts(), workload, desk,
        new InMemoryRunRecords().completenessRunOnRecord(LocalDate.of(2026, 3, 13)), clock);
    ActorRef<CollectionScheduler.Command> scheduler =
        testKit.spawn(CollectionScheduler.create(SchedulerSettings.DEFAULT, GRID, OutagePolicy.DEFAULT, deps));
    TestProbe<CollectionScheduler.LastReports> probe = testKit.createTestProbe();
    scheduler.tell(new CollectionScheduler.GetLastReports(probe.getRef()));
    probe.receiveMessage(); // started: its timers are set from the clock before time moves

    clock.advance(Duration.ofMinutes(59));
    manualTime.timePasses(CollectionScheduler.DEFAULT_CLOCK_CHECK);
    scheduler.tell(new CollectionScheduler.GetLastReports(probe.getRef()));
    assertTrue(probe.receiveMessage().assignment().isEmpty(), "nothing runs before 21:00 on the scheduler's clock");

    clock.advance(Duration.ofMinutes(1));
    manualTime.timePasses(CollectionScheduler.DEFAULT_CLOCK_CHECK);
    assertEquals(1, awaitReports(scheduler, probe, r -> r.assignment().isPresent()).assignment().orElseThrow().acknowledged(),
        "21:00 on the scheduler's clock: the assignment ran after one clock check, not after an hour of timers");
  }

  @Test
  void settings_that_would_run_jobs_inside_the_collection_window_are_refused() {
    var d = SchedulerSettings.DEFAULT;
    var assignment = assertThrows(IllegalArgumentException.class, () -> new SchedulerSettings(d.window(), LocalTime.of(3, 0),
        d.completenessAt(), d.rebalanceDay(), d.rebalanceAt(), 7, d.assignment(), d.recovery(), d.rebalancePolicy(), d.nonDefault(), d.trouble()));
    assertTrue(assignment.getMessage().contains("falls in the collection window"));
    assertThrows(IllegalArgumentException.class, () -> new SchedulerSettings(CollectionWindow.DEFAULT, d.assignmentAt(),
        LocalTime.of(7, 0), DayOfWeek.SUNDAY, d.rebalanceAt(), 7, d.assignment(), d.recovery(), d.rebalancePolicy(), d.nonDefault(), d.trouble()));
    assertThrows(IllegalArgumentException.class, () -> new SchedulerSettings(CollectionWindow.DEFAULT, d.assignmentAt(),
        d.completenessAt(), DayOfWeek.SUNDAY, d.rebalanceAt(), 0, d.assignment(), d.recovery(), d.rebalancePolicy(), d.nonDefault(), d.trouble()));
  }

  private static void passes(ManualClock clock, Duration d) {
    clock.advance(d);
    manualTime.timePasses(d);
  }

  private static CollectionScheduler.LastReports awaitReports(ActorRef<CollectionScheduler.Command> scheduler,
      TestProbe<CollectionScheduler.LastReports> probe, java.util.function.Predicate<CollectionScheduler.LastReports> ready) {
    return probe.awaitAssert(Duration.ofSeconds(5), () -> {
      scheduler.tell(new CollectionScheduler.GetLastReports(probe.getRef()));
      var reports = probe.receiveMessage();
      assertTrue(ready.test(reports));
      return reports;
    });
  }

  @Test
  void a_scheduler_started_after_the_morning_time_catches_up_a_missed_completeness_run_once_R_MIS_1() {
    // Sunday 2026-03-15, 10:30 standard time: the 08:00 run was lost with the node that held it.
    var clock = new ManualClock(Instant.parse("2026-03-15T15:30:00Z"));
    var completeness = new InMemoryCompletenessReadSide().complete("m-1", LocalDate.of(2026, 3, 14), 45);
    var lost = startScheduler(clock, completeness, new InMemoryRunRecords().completenessRunOnRecord(LocalDate.of(2026, 3, 13)));
    TestProbe<CollectionScheduler.LastReports> probe = testKit.createTestProbe();
    var report = awaitReports(lost, probe, r -> r.completeness().isPresent()).completeness().orElseThrow();
    assertEquals(LocalDate.of(2026, 3, 14), report.previousDay());

    var untouched = new InMemoryCompletenessReadSide().complete("m-1", LocalDate.of(2026, 3, 14), 45);
    var done = startScheduler(clock, untouched, new InMemoryRunRecords().completenessRunOnRecord(LocalDate.of(2026, 3, 14)));
    done.tell(new CollectionScheduler.GetLastReports(probe.getRef()));
    probe.receiveMessage();
    probe.expectNoMessage(Duration.ofMillis(200)); // room for a run that should not start
    assertEquals(0, untouched.pagesAsked(), "today's run is on record: nothing to catch up");
  }

  private static ActorRef<CollectionScheduler.Command> startScheduler(ManualClock clock, InMemoryCompletenessReadSide completeness,
      InMemoryRunRecords records) {
    var port = new FakeMeterPort(r -> FakeMeterPort.fullAnswer(r, 96), w -> new ScheduleAck.Acknowledged(w.meterId(), clock.instant()));
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(10, 2, 100, Duration.ofMinutes(4)), port));
    var desk = testKit.spawn(TroubleDesk.create(PersistenceId.ofUniqueId("desk-" + UUID.randomUUID()), TroubleReportPolicy.DEFAULT, false, clock));
    var deps = new CollectionScheduler.Dependencies(new InMemoryReadGroupReadSide(24), completeness, new InMemoryNonDefaultScheduleReadSide(),
        new InMemoryMissingDataHistory(), new RecordingAlerts(), workload, desk, records, clock);
    return testKit.spawn(CollectionScheduler.create(SchedulerSettings.DEFAULT, GRID, OutagePolicy.DEFAULT, deps));
  }
}
