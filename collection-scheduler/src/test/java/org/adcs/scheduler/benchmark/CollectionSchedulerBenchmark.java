package org.adcs.scheduler.benchmark;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.fakes.RecordingAlerts;
import org.adcs.scheduler.massread.MassReadJob;
import org.adcs.scheduler.massread.MassReadProgress;
import org.adcs.scheduler.massread.MassReadTarget;
import org.adcs.scheduler.outage.OutagePolicy;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ReadSource;
import org.adcs.scheduler.readgroup.AssignmentReport;
import org.adcs.scheduler.readgroup.AssignmentRun;
import org.adcs.scheduler.readgroup.AssignmentSettings;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.scheduler.readgroup.ReadGroupLoads;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.MeterRecoveryResult;
import org.adcs.scheduler.recovery.MissingDataHistory;
import org.adcs.scheduler.recovery.RecoveryPlan;
import org.adcs.scheduler.recovery.RecoveryPlanner;
import org.adcs.scheduler.recovery.RecoveryRun;
import org.adcs.scheduler.recovery.RecoverySettings;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.adcs.scheduler.trouble.TroubleReportPolicy;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.slf4j.LoggerFactory;

/**
 * Nightly assignment and the morning completeness scan with recovery for a large population over the
 * in-memory read side, with meters that answer at once: what is measured is the scheduler's own cost
 * (actors, paging, bookkeeping). Each phase is timed against a baseline in the same run: a plain loop
 * over the same pages doing only the pure work (balancing; completeness check and planning).
 *
 * <p>Run: {@code mvn -q -pl collection-scheduler -am -Pbenchmark verify -DskipTests}
 * (the profile starts this class in a JVM capped at 512 MB of heap; {@code -Dbenchmark.meters=N} and
 * {@code -Dbenchmark.heap=256m} change the size and the cap). Heap figures are the sum of the heap
 * pools' peaks during the phase (garbage included, so an upper bound); the cap is the hard proof.
 */
public final class CollectionSchedulerBenchmark {

  private static final ZoneOffset EST = ZoneOffset.ofHours(-5);
  private static final IntervalGrid GRID = new IntervalGrid(EST, Duration.ofMinutes(15));
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 3, 14);
  private static final int SPAN = 45;
  private static final int PAGE = 1000;

  public static void main(String[] args) {
    int meters = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.adcs.scheduler")).setLevel(Level.ERROR);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("akka")).setLevel(Level.ERROR);
    System.out.printf("collection-scheduler benchmark: %,d meters, max heap %d MB, %d cores%n", meters,
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

    long t0 = System.nanoTime();
    // 5 % missing yesterday, 2 % partial yesterday, 1 % an older day: 8 % to recover, below the 10 % outage line.
    var readSide = new GeneratedReadSide(meters, YESTERDAY, SPAN, 0.05, 0.02, 0.01, 42);
    System.out.printf("read side generated in %.2f s: %,d meters with missing data%n", HeapPeaks.seconds(t0), readSide.missingMeters());

    ActorTestKit testKit = ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config());
    try {
      assignment(testKit, readSide);
      completeness(testKit, readSide);
      massReadWithOperatorReads(testKit, Math.min(meters, 10_000));
    } finally {
      testKit.shutdownTestKit();
    }
  }

  private static void assignment(ActorTestKit testKit, GeneratedReadSide readSide) {
    var window = CollectionWindow.DEFAULT;
    assignmentBaseline(readSide, window); // warm-up: the baseline is timed with a warm JIT, like the actors after it
    HeapPeaks.reset();
    long t0 = System.nanoTime();
    long checksum = assignmentBaseline(readSide, window);
    double baseline = HeapPeaks.seconds(t0);
    long baselineHeap = HeapPeaks.peakMb();

    HeapPeaks.reset();
    t0 = System.nanoTime();
    var port = new InstantMeterPort();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(512, 16, 10_000, Duration.ofMinutes(4)), port));
    TestProbe<AssignmentReport> reports = testKit.createTestProbe();
    testKit.spawn(AssignmentRun.create(window, new AssignmentSettings(PAGE, 256, 3, Duration.ofMinutes(5), 10_000), readSide, workload,
        Clock.systemUTC(), reports.getRef()));
    AssignmentReport report = reports.receiveMessage(Duration.ofMinutes(10));
    double actors = HeapPeaks.seconds(t0);
    testKit.stop(workload);
    System.out.printf("nightly assignment: %,d acknowledged in %.2f s, peak heap %d MB | baseline (plain loop, checksum %d) %.2f s, %d MB | ratio %.1fx%n",
        report.acknowledged(), actors, HeapPeaks.peakMb(), checksum, baseline, baselineHeap, actors / baseline);
  }

  /** The pure work of the assignment: least-loaded balancing and read times, in a plain loop. */
  private static long assignmentBaseline(GeneratedReadSide readSide, CollectionWindow window) {
    var loads = ReadGroupLoads.empty(window.groupCount());
    long checksum = 0;
    for (Optional<String> after = Optional.empty(); ; ) {
      Page<String> page = readSide.unscheduledMeters(new PageRequest(after, PAGE)).toCompletableFuture().join();
      for (String id : page.rows()) {
        int group = loads.assignLeastLoaded();
        checksum += window.readTimeFor(group, id).toSecondOfDay();
      }
      if (page.isLast()) {
        return checksum;
      }
      after = page.continueAfter();
    }
  }

  /** The pure work of the morning scan: completeness check and recovery planning, in a plain loop. */
  private static long[] completenessBaseline(GeneratedReadSide readSide) {
    var window = new DayRange(YESTERDAY.minusDays(SPAN - 1), YESTERDAY);
    var planner = new RecoveryPlanner(GRID);
    long complete = 0;
    long ranges = 0;
    for (Optional<String> after = Optional.empty(); ; ) {
      Page<MeterCompleteness> page = readSide.completeness(YESTERDAY, SPAN, new PageRequest(after, PAGE)).toCompletableFuture().join();
      for (MeterCompleteness meter : page.rows()) {
        if (meter.isComplete()) {
          complete++;
        } else {
          RecoveryPlan plan = planner.plan(meter, window);
          ranges += plan.ranges().size();
        }
      }
      if (page.isLast()) {
        return new long[] {complete, ranges};
      }
      after = page.continueAfter();
    }
  }

  private static void completeness(ActorTestKit testKit, GeneratedReadSide readSide) {
    completenessBaseline(readSide); // warm-up
    HeapPeaks.reset();
    long t0 = System.nanoTime();
    long[] counted = completenessBaseline(readSide);
    long complete = counted[0];
    long ranges = counted[1];
    double baseline = HeapPeaks.seconds(t0);
    long baselineHeap = HeapPeaks.peakMb();

    HeapPeaks.reset();
    t0 = System.nanoTime();
    // Meters answer at once; every 50th never answers, so retries and failures are exercised.
    var port = new InstantMeterPort();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(512, 16, 10_000, Duration.ofMinutes(4)), port));
    var clock = Clock.fixed(Instant.parse("2026-03-15T13:00:00Z"), ZoneOffset.UTC);
    var desk = testKit.spawn(TroubleDesk.create(TroubleDesk.PERSISTENCE_ID, TroubleReportPolicy.DEFAULT, false, clock));
    var deps = new RecoveryRun.Dependencies(readSide, workload, desk, new NoHistory(), new RecordingAlerts(), clock);
    TestProbe<ExceptionReport> reports = testKit.createTestProbe();
    testKit.spawn(RecoveryRun.create(new RecoverySettings(SPAN, 3, Duration.ZERO, 500, PAGE, 1000), OutagePolicy.DEFAULT, TroubleReportPolicy.DEFAULT, GRID, deps,
        reports.getRef()));
    ExceptionReport report = reports.receiveMessage(Duration.ofMinutes(10));
    double actors = HeapPeaks.seconds(t0);
    var s = report.statistics();
    System.out.printf("morning completeness scan + recovery: %,d meters, %,d on schedule, %,d recovered, %,d failed, %,d reads in %.2f s, peak heap %d MB"
            + " | baseline (plain loop: %,d complete, %,d ranges planned) %.2f s, %d MB | ratio %.1fx%n",
        s.total(), s.onSchedule(), s.recovered(), s.failed(), port.reads(), actors, HeapPeaks.peakMb(), complete, ranges, baseline,
        baselineHeap, actors / baseline);
    System.out.printf("  previous day (R-MIS-1): %s%n", s.previousDay());
  }

  /**
   * A mass read of {@code meters} meters that answer after 250 ms, 256 in flight, while an operator
   * reads one meter every 100 ms: the operator's reads must not wait behind the mass read (R-OD-4).
   * Baseline: the shortest possible time at that concurrency, meters x latency / concurrency.
   */
  private static void massReadWithOperatorReads(ActorTestKit testKit, int meters) {
    Duration latency = Duration.ofMillis(250);
    int concurrency = 256;
    try (var port = new SlowMeterPort(latency)) {
      var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(concurrency + 8, 8, 20_000, Duration.ofMinutes(4)), port));
      var ids = java.util.stream.IntStream.range(0, meters).mapToObj(GeneratedReadSide::meterId).toList();
      TestProbe<MassReadProgress> finished = testKit.createTestProbe();
      var sources = new MassReadJob.Sources(null, null);
      long t0 = System.nanoTime();
      testKit.spawn(MassReadJob.create("bench", new MassReadTarget.MeterList(ids, DayRange.of(YESTERDAY)), concurrency, GRID, sources, workload,
          Clock.systemUTC(), finished.getRef()));
      TestProbe<ReadOutcome> operator = testKit.createTestProbe();
      long worstOperatorMillis = 0;
      int operatorReads = 0;
      MassReadProgress end = null;
      while (end == null) {
        long asked = System.nanoTime();
        var request = new ReadRequest("operator-" + operatorReads++, GRID.rangeOf(DayRange.of(YESTERDAY)), ReadSource.ON_DEMAND, ReadPriority.OPERATOR);
        workload.tell(new WorkloadManager.Read(request, operator.getRef()));
        operator.receiveMessage(Duration.ofSeconds(30));
        worstOperatorMillis = Math.max(worstOperatorMillis, (System.nanoTime() - asked) / 1_000_000);
        try {
          end = finished.receiveMessage(Duration.ofMillis(100));
        } catch (AssertionError stillRunning) {
          // no final progress within 100 ms: the next operator read goes out
        }
      }
      double actual = HeapPeaks.seconds(t0);
      double ideal = (double) meters * latency.toMillis() / concurrency / 1000;
      System.out.printf("mass read: %,d meters at %d ms each, %d in flight: %,d done in %.2f s (%.0f reads/min) | baseline (meters x latency / concurrency) %.2f s | ratio %.2fx"
              + " | %d operator reads during it, slowest %d ms (meter latency %d ms)%n",
          meters, latency.toMillis(), concurrency, end.done(), actual, end.readsPerMinute(), ideal, actual / ideal, operatorReads,
          worstOperatorMillis, latency.toMillis());
      testKit.stop(workload);
    }
  }

  /** The store's history append, as a no-op: this benchmark measures the scheduler, not the store. */
  private static final class NoHistory implements MissingDataHistory {
    @Override
    public CompletionStage<Void> record(LocalDate runDay, MeterRecoveryResult line) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<Entry>> history(String meterId) {
      return CompletableFuture.completedFuture(List.of());
    }
  }
}
