package org.adcs.scheduler.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import akka.persistence.typed.PersistenceId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.fakes.InMemoryMissingDataHistory;
import org.adcs.scheduler.fakes.RecordingAlerts;
import org.adcs.scheduler.outage.OutagePolicy;
import org.adcs.scheduler.port.OperatorAlert;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.ExceptionStatistics;
import org.adcs.scheduler.recovery.ExceptionStatistics.PreviousDay;
import org.adcs.scheduler.recovery.MeterRecoveryResult;
import org.adcs.scheduler.recovery.RecoveryRun;
import org.adcs.scheduler.recovery.RecoverySettings;
import org.adcs.scheduler.trouble.AgingReport;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.adcs.scheduler.trouble.TroubleReason;
import org.adcs.scheduler.trouble.TroubleReportPolicy;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Five days of collection for 200 in-memory meters with the faults of issue 8's acceptance test:
 * intermittent meters, meters silent for three days, meters missing five non-consecutive days and a
 * regional outage of 15 %. Every morning's exception report must count exactly what the faults
 * produce, recoverable data must come back, and trouble reports must open for exactly the right
 * meters on the right morning. (The same scenario against the real simulator and Cassandra is the
 * integration test still to come.)
 */
class FiveDayScenarioTest {

  private static final ActorTestKit testKit = ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config());
  private static final IntervalGrid GRID = new IntervalGrid(ScenarioFleet.OFFSET, Duration.ofMinutes(15));
  private static final LocalDate D1 = LocalDate.of(2026, 6, 1);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static LocalDate day(int n) {
    return D1.plusDays(n - 1L);
  }

  @Test
  void reports_count_exactly_what_the_injected_faults_produce_over_five_days_R_MIS_1_R_MIS_2_R_MIS_4_R_MIS_6() {
    var fleet = new ScenarioFleet();
    for (int i = 0; i < 150; i++) {
      fleet.add(String.format("n-%03d", i));
    }
    for (int i = 0; i < 10; i++) {
      ScenarioFleet.Meter m = fleet.add("i-" + i); // intermittent: nights 1 and 3 lost, first read each morning fails
      m.unreachableNight = d -> d.equals(day(1)) || d.equals(day(3));
      m.intermittent = true;
    }
    for (int i = 0; i < 5; i++) {
      ScenarioFleet.Meter m = fleet.add("s-" + i); // silent from night 2 to the morning after night 4
      m.unreachableNight = d -> !d.isBefore(day(2)) && !d.isAfter(day(4));
      m.unreachableMorning = m.unreachableNight;
    }
    for (int i = 0; i < 5; i++) {
      ScenarioFleet.Meter m = fleet.add("c-" + i); // powered off on 5 non-consecutive days: lost for good
      m.noData.addAll(List.of(D1.minusDays(20), D1.minusDays(10), day(1), day(3), day(5)));
      m.missing.addAll(List.of(D1.minusDays(20), D1.minusDays(10)));
    }
    for (int i = 0; i < 30; i++) {
      ScenarioFleet.Meter m = fleet.add(String.format("r-%02d", i)); // the regional outage: 15 % on night 2 and the morning after
      m.unreachableNight = d -> d.equals(day(2));
      m.unreachableMorning = m.unreachableNight;
    }

    var clock = new ManualClock(Instant.EPOCH);
    var alerts = new RecordingAlerts();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(32, 4, 1000, Duration.ofMinutes(4)), fleet));
    ActorRef<TroubleDesk.Command> desk =
        testKit.spawn(TroubleDesk.create(PersistenceId.ofUniqueId("scenario-desk"), TroubleReportPolicy.DEFAULT, false, clock));
    var deps = new RecoveryRun.Dependencies(fleet, workload, desk, new InMemoryMissingDataHistory(), alerts, clock);
    // One page, so the outage share is judged over the whole population; retries at once, so the
    // mornings need no time to pass.
    var settings = new RecoverySettings(45, 3, Duration.ZERO, 20, 200, 200);

    // Morning 1: intermittent meters recover on their second read; the powered-off meters cannot.
    ExceptionReport m1 = morning(fleet, clock, settings, deps, 1);
    assertEquals(stats(200, 185, 10, 5, 10), summary(m1));
    assertEquals(new PreviousDay(200, 185, 10, 5), m1.statistics().previousDay());
    assertTrue(m1.recovered().stream().allMatch(l -> l.meterId().startsWith("i-") && l.readFailures() == 1 && l.intermittent()));
    assertEquals(3, line(m1, "c-0").daysMissing().size());
    assertTrue(alerts.alerts().isEmpty());

    // Morning 2: 35 of 200 meters failed the night (17.5 %): recovery is paced and the operator alerted.
    ExceptionReport m2 = morning(fleet, clock, settings, deps, 2);
    assertEquals(stats(200, 160, 0, 40, 0), summary(m2));
    assertEquals(new PreviousDay(200, 165, 0, 35), m2.statistics().previousDay());
    assertEquals(1, alerts.alerts().size());
    var suspected = assertInstanceOf(OperatorAlert.OutageSuspected.class, alerts.alerts().get(0));
    assertEquals(0.175, suspected.failingShare(), 1e-9);
    assertEquals(OutagePolicy.DEFAULT.pacedConcurrency(), suspected.pacedConcurrency());

    // Morning 3: the region is back and its night 2 recovered; intermittent meters again; the silent ones still silent.
    ExceptionReport m3 = morning(fleet, clock, settings, deps, 3);
    assertEquals(stats(200, 150, 40, 10, 10), summary(m3));
    assertEquals(new PreviousDay(200, 180, 10, 10), m3.statistics().previousDay());
    assertTrue(line(m3, "r-00").daysRecovered().contains(day(2)));
    assertEquals(1, alerts.alerts().size(), "20 of 200 failing is 10 %, not more: no new alert");
    assertTrue(openTroubleReports(desk).isEmpty());

    // Morning 4: three recent days missing: the silent meters get trouble reports.
    ExceptionReport m4 = morning(fleet, clock, settings, deps, 4);
    assertEquals(stats(200, 190, 0, 10, 0), summary(m4));
    assertEquals(Map.of(TroubleReason.RECENT_DAYS_MISSING, List.of("s-0", "s-1", "s-2", "s-3", "s-4")), openTroubleReports(desk));

    // Morning 5: the silent meters answer and their three days come back; the powered-off meters
    // now miss 5 non-consecutive days and get trouble reports.
    ExceptionReport m5 = morning(fleet, clock, settings, deps, 5);
    assertEquals(stats(200, 190, 5, 5, 0), summary(m5));
    assertEquals(List.of(day(2), day(3), day(4)), line(m5, "s-0").daysRecovered());
    assertEquals(5, line(m5, "c-0").daysMissing().size());
    assertEquals(Map.of(
        TroubleReason.RECENT_DAYS_MISSING, List.of("s-0", "s-1", "s-2", "s-3", "s-4"),
        TroubleReason.DAYS_MISSING_IN_WINDOW, List.of("c-0", "c-1", "c-2", "c-3", "c-4")), openTroubleReports(desk));
    assertEquals(1, alerts.alerts().size());
  }

  private static ExceptionReport morning(ScenarioFleet fleet, ManualClock clock, RecoverySettings settings,
      RecoveryRun.Dependencies deps, int n) {
    fleet.night(day(n));
    fleet.morningAfter(day(n));
    clock.set(GRID.startOf(day(n + 1)).plus(Duration.ofHours(8)));
    TestProbe<ExceptionReport> reports = testKit.createTestProbe();
    testKit.spawn(RecoveryRun.create(settings, OutagePolicy.DEFAULT, TroubleReportPolicy.DEFAULT, GRID, deps, reports.getRef()));
    ExceptionReport report = reports.receiveMessage(Duration.ofSeconds(10));
    assertEquals(day(n), report.previousDay());
    return report;
  }

  /** total, on schedule, fully recovered, failed (partial recoveries are none here), intermittent. */
  private static List<Long> stats(long total, long onSchedule, long recovered, long failed, long intermittent) {
    return List.of(total, onSchedule, recovered, 0L, failed, intermittent);
  }

  private static List<Long> summary(ExceptionReport report) {
    ExceptionStatistics s = report.statistics();
    return List.of(s.total(), s.onSchedule(), s.recovered(), s.partiallyRecovered(), s.failed(), s.intermittent());
  }

  private static MeterRecoveryResult line(ExceptionReport report, String meterId) {
    return java.util.stream.Stream.concat(report.stillMissing().stream(), report.recovered().stream())
        .filter(l -> l.meterId().equals(meterId)).findFirst().orElseThrow(() -> new AssertionError("no line for " + meterId));
  }

  private static Map<TroubleReason, List<String>> openTroubleReports(ActorRef<TroubleDesk.Command> desk) {
    TestProbe<AgingReport> probe = testKit.createTestProbe();
    desk.tell(new TroubleDesk.GetAgingReport(probe.getRef()));
    return probe.receiveMessage().lines().stream()
        .collect(Collectors.groupingBy(l -> l.report().reason(), Collectors.mapping(l -> l.report().meterId(),
            Collectors.collectingAndThen(Collectors.toList(), ids -> ids.stream().sorted().toList()))));
  }
}
