package org.adcs.headend.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.javadsl.AskPattern;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.TestNodes;
import org.adcs.scheduler.CollectionScheduler;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.ExceptionStatistics;
import org.adcs.scheduler.recovery.MeterRecoveryResult;
import org.adcs.scheduler.recovery.MissingDataHistory;
import org.adcs.scheduler.recovery.RecoveryOutcome;
import org.adcs.scheduler.trouble.PickupRequest;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.junit.jupiter.api.Test;

/**
 * The scheduler inside a running head-end: its singletons answer, the trouble desk keeps what it
 * acknowledged in the head-end's journal across a restart, and run records and missing-data history
 * are in Cassandra.
 */
class SchedulerWiringIT {

  private static final Duration ASK = Duration.ofSeconds(20);

  @Test
  void theTroubleDeskKeepsAPickupRequestAcrossAHeadEndRestart_R_FLD_1() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("sched-wiring"), "adcs_sched_wiring_it");
    PickupRequest raised;
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      var desk = headEnd.scheduling().actors().troubleDesk();
      TroubleDesk.PickupAnswer answer = await(AskPattern.ask(desk,
          (akka.actor.typed.ActorRef<TroubleDesk.PickupAnswer> r) -> new TroubleDesk.RaisePickupByOperator("WIRE-1", "operator-3",
              "meter display dark", r), ASK, headEnd.system().scheduler()));
      raised = assertInstanceOf(TroubleDesk.PickupAnswer.Raised.class, answer).request();
      // The clockwork singleton is up and answers.
      CollectionScheduler.LastReports reports = await(AskPattern.ask(headEnd.scheduling().actors().scheduler(),
          CollectionScheduler.GetLastReports::new, ASK, headEnd.system().scheduler()));
      assertTrue(reports.assignment().isEmpty(), "no assignment ran yet");
    }
    try (HeadEnd again = HeadEnd.start(TestNodes.settings(env))) {
      TroubleDesk.PickupAnswer answer = await(AskPattern.ask(again.scheduling().actors().troubleDesk(),
          (akka.actor.typed.ActorRef<TroubleDesk.PickupAnswer> r) -> new TroubleDesk.RaisePickupByOperator("WIRE-1", "operator-4",
              "again", r), ASK, again.system().scheduler()));
      // The same request, still open: it came back from the journal, not a new one.
      assertEquals(raised, assertInstanceOf(TroubleDesk.PickupAnswer.Raised.class, answer).request());
    }
  }

  @Test
  void runRecordsAndMissingDataHistoryAreKeptInTheStore_R_MIS_1_R_MIS_5() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("sched-records"), "adcs_sched_records_it");
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      var records = headEnd.scheduling().records();
      // Far ahead, so the scheduler's own catch-up run at start (whose day depends on the wall clock) is older.
      LocalDate day = LocalDate.of(2030, 1, 21);
      var line = new MeterRecoveryResult("HIST-1", List.of(day.minusDays(1), day), List.of(day), 192, 96, 2,
          RecoveryOutcome.PARTIALLY_RECOVERED, "METER_CONNECTS via node-1");
      var report = new ExceptionReport(day, Instant.parse("2030-01-22T13:00:00Z"), Instant.parse("2030-01-22T13:20:00Z"), true,
          new ExceptionStatistics(10, 9, 0, 1, 0, 1, 2, 1, 96, new ExceptionStatistics.PreviousDay(10, 9, 1, 0)), List.of(line), List.of());
      var earlier = new ExceptionReport(day.minusDays(1), Instant.parse("2030-01-21T13:00:00Z"), Instant.parse("2030-01-21T13:10:00Z"),
          true, report.statistics(), List.of(), List.of());
      await(records.saveExceptionReport(earlier));
      await(records.saveExceptionReport(report));
      await(records.saveExceptionReport(report));
      assertEquals(Optional.of(day), await(records.lastCompletenessRun()));
      String stored = await(records.stored(StoreRunRecords.COMPLETENESS, StoreRunRecords.completenessKey(report))).orElseThrow();
      assertEquals(report, SchedulerJson.read(stored, ExceptionReport.class));

      var history = headEnd.scheduling().history();
      await(history.record(day.minusDays(1), line));
      await(history.record(day, line));
      await(history.record(day, line));
      assertEquals(List.of(new MissingDataHistory.Entry(day, line), new MissingDataHistory.Entry(day.minusDays(1), line)),
          await(history.history("HIST-1")));
    }
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
