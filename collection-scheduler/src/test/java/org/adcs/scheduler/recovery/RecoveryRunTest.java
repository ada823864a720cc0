package org.adcs.scheduler.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import akka.persistence.typed.PersistenceId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.IntervalSet;
import org.adcs.scheduler.fakes.FakeMeterPort;
import org.adcs.scheduler.fakes.InMemoryCompletenessReadSide;
import org.adcs.scheduler.fakes.InMemoryMissingDataHistory;
import org.adcs.scheduler.fakes.RecordingAlerts;
import org.adcs.scheduler.outage.OutagePolicy;
import org.adcs.scheduler.port.OperatorAlert;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ReadSource;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.trouble.AgingReport;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.adcs.scheduler.trouble.TroubleReason;
import org.adcs.scheduler.trouble.TroubleReportPolicy;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.adcs.scheduler.workload.WorkloadStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RecoveryRunTest {

  private static final ActorTestKit testKit = ActorTestKit.create(ManualTime.config().withFallback(PersistenceTestKitPlugin.getInstance().config()));
  private static final ManualTime manualTime = ManualTime.get(testKit.system());
  private static final IntervalGrid GRID = new IntervalGrid(ZoneOffset.ofHours(-5), Duration.ofMinutes(15));
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 3, 14);
  private static final int SPAN = 45;
  private static final Duration RETRY = Duration.ofMinutes(10);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-15T13:00:00Z")); // 08:00 standard time
  private final InMemoryCompletenessReadSide readSide = new InMemoryCompletenessReadSide();
  private final InMemoryMissingDataHistory history = new InMemoryMissingDataHistory();
  private final RecordingAlerts alerts = new RecordingAlerts();

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static ReadOutcome answerInFull(ReadRequest r) {
    int intervals = (int) (r.range().length().toMinutes() / 15);
    return new ReadOutcome.Collected(r.meterId(), intervals, intervals, "tcp:node-1");
  }

  private void passes(Duration d) {
    clock.advance(d);
    manualTime.timePasses(d);
  }

  private void awaitReads(FakeMeterPort port, int count) {
    TestProbe<Object> waiter = testKit.createTestProbe();
    waiter.awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(count, port.reads().size());
      return null;
    });
  }

  private RecoveryRun.Dependencies deps(ActorRef<WorkloadManager.Command> workload, ActorRef<TroubleDesk.Command> desk) {
    return new RecoveryRun.Dependencies(readSide, workload, desk, history, alerts, clock);
  }

  @Test
  void the_morning_run_recovers_what_it_can_in_three_attempts_and_reports_exactly_R_MIS_1_R_MIS_2_R_MIS_4() {
    for (int i = 0; i < 89; i++) {
      readSide.complete(String.format("c-%03d", i), YESTERDAY, SPAN);
    }
    for (int i = 0; i < 5; i++) {
      readSide.missing("r-" + i, YESTERDAY, SPAN, 0);
    }
    readSide.missing("i-0", YESTERDAY, SPAN, 0).missing("i-1", YESTERDAY, SPAN, 0);
    readSide.missing("d-0", YESTERDAY, SPAN, 0, 1, 2).missing("d-1", YESTERDAY, SPAN, 0, 1, 2);
    readSide.partial("p-0", YESTERDAY, SPAN, YESTERDAY, IntervalSet.none(96).withRange(0, 40).withRange(44, 96));
    readSide.missing("o-0", YESTERDAY, SPAN, 10, 20);

    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    var port = new FakeMeterPort(r -> {
      int attempt = attempts.computeIfAbsent(r.meterId(), k -> new AtomicInteger()).incrementAndGet();
      if (r.meterId().startsWith("d-") || (r.meterId().startsWith("i-") && attempt == 1)) {
        return new ReadOutcome.Failed(r.meterId(), "no answer");
      }
      return answerInFull(r);
    }, w -> new ScheduleAck.Acknowledged(w.meterId(), Instant.EPOCH));
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(20, 2, 1000, Duration.ofMinutes(4)), port));
    var desk = testKit.spawn(TroubleDesk.create(PersistenceId.ofUniqueId("desk-" + UUID.randomUUID()), TroubleReportPolicy.DEFAULT, false, clock));
    TestProbe<ExceptionReport> reports = testKit.createTestProbe();
    var settings = new RecoverySettings(SPAN, 3, RETRY, 50, 10, 1000);

    testKit.spawn(RecoveryRun.create(settings, OutagePolicy.DEFAULT, TroubleReportPolicy.DEFAULT, GRID, deps(workload, desk), reports.getRef()));

    // r x5, i x2, d x2, p x1 and o's two separate days: 12 reads at once, then retries every 10 minutes.
    awaitReads(port, 12);
    passes(RETRY);
    awaitReads(port, 16);
    passes(RETRY);
    awaitReads(port, 18);
    ExceptionReport report = reports.receiveMessage();

    ExceptionStatistics stats = report.statistics();
    assertEquals(100, stats.total());
    assertEquals(89, stats.onSchedule());
    assertEquals(9, stats.recovered());
    assertEquals(0, stats.partiallyRecovered());
    assertEquals(2, stats.failed());
    assertEquals(2, stats.intermittent());
    // o-0 missed older days only: ok for the previous day (R-MIS-1), recovered in the window (R-MIS-2).
    assertEquals(new ExceptionStatistics.PreviousDay(100, 90, 8, 2), stats.previousDay());
    assertTrue(report.scanComplete());
    assertEquals(YESTERDAY, report.previousDay());
    assertEquals(clock.instant(), report.finished());
    assertEquals(List.of("d-0", "d-1"), report.stillMissing().stream().map(MeterRecoveryResult::meterId).sorted().toList());
    MeterRecoveryResult dead = report.stillMissing().stream().filter(l -> l.meterId().equals("d-0")).findFirst().orElseThrow();
    assertEquals(List.of(YESTERDAY.minusDays(2), YESTERDAY.minusDays(1), YESTERDAY), dead.daysMissing());
    assertEquals(3, dead.readFailures());
    assertEquals(3, port.readsOf("d-0"), "three attempts, no more");
    assertTrue(port.reads().stream().allMatch(r -> r.source() == ReadSource.RECOVERY && r.priority() == ReadPriority.RECOVERY));
    // The partial day asked only for its four missing quarter hours, 03:00-04:00 standard time.
    ReadRequest partial = port.reads().stream().filter(r -> r.meterId().equals("p-0")).findFirst().orElseThrow();
    assertEquals(Instant.parse("2026-03-14T15:00:00Z"), partial.range().from());
    assertEquals(Duration.ofHours(1), partial.range().length());
    assertEquals(11, history.meters(), "every meter that had missing data is in the history (R-MIS-5)");

    TestProbe<AgingReport> aging = testKit.createTestProbe();
    desk.tell(new TroubleDesk.GetAgingReport(aging.getRef()));
    AgingReport open = aging.receiveMessage();
    assertEquals(List.of("d-0", "d-1"), open.lines().stream().map(l -> l.report().meterId()).sorted().toList());
    assertEquals(TroubleReason.RECENT_DAYS_MISSING, open.lines().get(0).report().reason());
    assertTrue(alerts.alerts().isEmpty(), "11 % missing of 100 scanned is below the outage judgement's minimum sample");
  }

  @Test
  void more_than_ten_percent_failing_paces_recovery_down_and_alerts_the_operator_R_MIS_6() {
    for (int i = 0; i < 1000; i++) {
      String id = String.format("m-%04d", i);
      if (i % 20 < 3) {
        readSide.missing(id, YESTERDAY, SPAN, 0); // 15 % of the population
      } else {
        readSide.complete(id, YESTERDAY, SPAN);
      }
    }
    var port = FakeMeterPort.parking();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(100, 2, 1000, Duration.ofMinutes(4)), port));
    var desk = testKit.spawn(TroubleDesk.create(PersistenceId.ofUniqueId("desk-" + UUID.randomUUID()), TroubleReportPolicy.DEFAULT, false, clock));
    TestProbe<ExceptionReport> reports = testKit.createTestProbe();
    var settings = new RecoverySettings(SPAN, 3, RETRY, 50, 1000, 1000);

    var run = testKit.spawn(RecoveryRun.create(settings, new OutagePolicy(0.10, 4), TroubleReportPolicy.DEFAULT, GRID, deps(workload, desk), reports.getRef()));

    for (int i = 0; i < 4; i++) {
      port.nextParked();
    }
    TestProbe<WorkloadStatus> status = testKit.createTestProbe();
    workload.tell(new WorkloadManager.GetStatus(status.getRef()));
    WorkloadStatus s = status.receiveMessage();
    assertEquals(4, s.inFlight().get(ReadPriority.RECOVERY) + s.queued().get(ReadPriority.RECOVERY),
        "paced to 4 meters at once instead of 50");
    OperatorAlert alert = alerts.alerts().get(0);
    var suspected = assertInstanceOf(OperatorAlert.OutageSuspected.class, alert);
    assertEquals(0.15, suspected.failingShare(), 1e-9);
    assertEquals(4, suspected.pacedConcurrency());
    testKit.stop(run);
  }

  @Test
  void a_failing_read_side_is_asked_again_and_the_run_still_completes() {
    readSide.complete("a", YESTERDAY, SPAN).missing("b", YESTERDAY, SPAN, 0);
    readSide.failNextPages(2);
    var port = new FakeMeterPort(RecoveryRunTest::answerInFull, w -> null);
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(4, 1, 10, Duration.ofMinutes(4)), port));
    var desk = testKit.spawn(TroubleDesk.create(PersistenceId.ofUniqueId("desk-" + UUID.randomUUID()), TroubleReportPolicy.DEFAULT, false, clock));
    TestProbe<ExceptionReport> reports = testKit.createTestProbe();

    testKit.spawn(RecoveryRun.create(new RecoverySettings(SPAN, 3, RETRY, 5, 10, 1000), OutagePolicy.DEFAULT, TroubleReportPolicy.DEFAULT, GRID,
        deps(workload, desk), reports.getRef()));
    TestProbe<Object> waiter = testKit.createTestProbe();
    for (int failure = 1; failure <= 2; failure++) {
      int asked = failure;
      waiter.awaitAssert(Duration.ofSeconds(5), () -> {
        assertEquals(asked, readSide.pagesAsked());
        return null;
      });
      passes(RETRY);
    }
    waiter.awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(1, readSide.pagesServed());
      return null;
    });

    ExceptionReport report = reports.receiveMessage();
    assertTrue(report.scanComplete());
    assertEquals(2, report.statistics().total());
    assertEquals(1, report.statistics().recovered());
    assertFalse(report.recovered().isEmpty());
  }

  @Test
  void hundreds_of_silent_meters_all_get_a_trouble_report_without_flooding_the_desk_R_MIS_4() {
    for (int i = 0; i < 300; i++) {
      readSide.missing(String.format("s-%03d", i), YESTERDAY, SPAN, 0, 1, 2);
    }
    var port = new FakeMeterPort(r -> new ReadOutcome.Failed(r.meterId(), "no answer"), w -> null);
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(64, 2, 1000, Duration.ofMinutes(4)), port));
    var desk = testKit.spawn(TroubleDesk.create(PersistenceId.ofUniqueId("desk-" + UUID.randomUUID()), TroubleReportPolicy.DEFAULT, false, clock));
    TestProbe<ExceptionReport> reports = testKit.createTestProbe();

    testKit.spawn(RecoveryRun.create(new RecoverySettings(SPAN, 1, RETRY, 200, 100, 1000), OutagePolicy.DEFAULT,
        TroubleReportPolicy.DEFAULT, GRID, deps(workload, desk), reports.getRef()));

    assertEquals(300, reports.receiveMessage(Duration.ofSeconds(10)).statistics().failed());
    TestProbe<AgingReport> aging = testKit.createTestProbe();
    desk.tell(new TroubleDesk.GetAgingReport(aging.getRef()));
    assertEquals(300, aging.receiveMessage().lines().size(), "the run ends only after the desk has every report");
  }
}
