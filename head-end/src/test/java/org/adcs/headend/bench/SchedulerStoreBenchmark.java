package org.adcs.headend.bench;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.adcs.headend.scheduling.RecentOperatorAlerts;
import org.adcs.headend.scheduling.StoreCompletenessReadSide;
import org.adcs.headend.scheduling.StoreMissingDataHistory;
import org.adcs.headend.scheduling.StoreReadGroupReadSide;
import org.adcs.mdm.readside.ScheduleReadSide;
import org.adcs.mdm.readside.ScheduleReadSideSchema;
import org.adcs.mdm.store.BoundedSession;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.StoreSchema;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.adcs.scheduler.benchmark.HeapPeaks;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.outage.OutagePolicy;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;
import org.adcs.scheduler.readgroup.AssignmentReport;
import org.adcs.scheduler.readgroup.AssignmentRun;
import org.adcs.scheduler.readgroup.AssignmentSettings;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.RecoveryRun;
import org.adcs.scheduler.recovery.RecoverySettings;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.adcs.scheduler.trouble.TroubleReportPolicy;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;

/**
 * The scheduler's nightly assignment and morning completeness scan (issue 8, "Bounded memory at
 * utility scale") over the head-end's Cassandra read side, for {@code -Dbench.scheduler.meters} meters (default
 * 1,000,000) whose rows are written straight into a real Cassandra node (its own JVM) before the
 * timed phases: each meter in service and in the unscheduled group, as its registration's projection
 * writes it, and, for all but 5 % of them, yesterday's completeness row. Every meter registered
 * yesterday, so yesterday is the one day owed; the scan still asks each meter's 45-day window.
 * Meters answer at once (a port in this JVM): what is measured is the scheduler streaming over the
 * store. Each phase is set against a same-run baseline: a plain loop paging through the same read
 * side without the scheduler.
 *
 * <p>Run with the heap the issue allows:
 * {@code mvn -q -pl head-end -am -Pbench package -DskipTests -Dbench.class=org.adcs.headend.bench.SchedulerStoreBenchmark
 * -Dbench.heap=512m -Dbench.initial-heap=64m [-Dbench.jvm-args=-Dbench.scheduler.meters=100000]}. Heap figures are the sum of the
 * heap pools' peaks during the phase (garbage included, an upper bound); the cap is the hard proof.
 */
public final class SchedulerStoreBenchmark {

  private static final ZoneOffset STANDARD_TIME = ZoneOffset.UTC;
  private static final IntervalGrid GRID = new IntervalGrid(STANDARD_TIME, Duration.ofMinutes(15));
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 3, 14);
  private static final int SPAN = 45;
  private static final int PAGE = 1000;
  private static final double MISSING = 0.05;
  private static final int WRITES_IN_FLIGHT = 64;
  private static final int BATCH = 100;

  public static void main(String[] args) throws Exception {
    int meters = Integer.getInteger("bench.scheduler.meters", 1_000_000);
    System.out.printf("scheduler over the Cassandra read side: %,d meters, max heap %d MB, %d cores%n", meters,
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    long t0 = System.nanoTime();
    var settings = CassandraTestNode.settings();
    System.out.printf("Cassandra node (own JVM) up in %.1f s%n", HeapPeaks.seconds(t0));
    StoreConnection connection = StoreConnection.open(settings);
    String keyspace = settings.keyspace();
    StoreSchema.create(connection.session(), keyspace, StoreSchema.DEFAULT_RETENTION);
    BoundedSession db = new BoundedSession(connection.session(), 512);
    ScheduleReadSide readSide = ScheduleReadSide.open(db, keyspace);

    t0 = System.nanoTime();
    long missing = generate(db, keyspace, meters);
    double generated = HeapPeaks.seconds(t0);
    System.out.printf("rows generated in %.1f s (%,.0f meters/s): %,d meters in service and unscheduled, %,d without yesterday's data%n",
        generated, meters / generated, meters, missing);

    var window = CollectionWindow.DEFAULT;
    var groups = new StoreReadGroupReadSide(readSide.queries(), window, STANDARD_TIME);
    var completeness = new StoreCompletenessReadSide(readSide.queries(), GRID);
    ActorTestKit testKit = ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config());
    try {
      assignment(testKit, window, groups);
      completeness(testKit, completeness, readSide);
    } finally {
      testKit.shutdownTestKit();
      connection.close();
    }
    System.exit(0); // the Cassandra node stops with the JVM
  }

  /**
   * Writes what the projection of a meter's registration writes (in service, unscheduled), as unlogged
   * batches of one bucket's partition, and yesterday's completeness row of the meters not missing it,
   * with at most {@value #WRITES_IN_FLIGHT} statements outstanding. Fails on the first write that fails.
   */
  private static long generate(BoundedSession db, String keyspace, int meters) throws InterruptedException {
    var session = db.session();
    PreparedStatement inService = session.prepare("INSERT INTO " + keyspace + ".meters_in_service (bucket, meter_id, registered_at)"
        + " VALUES (?,?,?)");
    PreparedStatement unscheduled = session.prepare("INSERT INTO " + keyspace + ".meters_by_read_group (read_group, bucket, meter_id)"
        + " VALUES (?,?,?)");
    PreparedStatement completenessRow = session.prepare("INSERT INTO " + keyspace + ".completeness_by_meter (meter_id, day, channel,"
        + " expected, actual, estimated, needs_verify, version) VALUES (?,?,?,?,?,?,?,?)");
    Instant registered = YESTERDAY.atStartOfDay().toInstant(STANDARD_TIME);
    Semaphore inFlight = new Semaphore(WRITES_IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<List<String>> buckets = new ArrayList<>();
    for (int b = 0; b < ScheduleReadSideSchema.BUCKETS; b++) {
      buckets.add(new ArrayList<>());
    }
    long missing = 0;
    for (int i = 0; i < meters && failure.get() == null; i++) {
      String id = meterId(i);
      // The read side's bucket of a meter id (ScheduleReadSideSchema).
      int bucket = Math.floorMod(id.hashCode(), ScheduleReadSideSchema.BUCKETS);
      List<String> ids = buckets.get(bucket);
      ids.add(id);
      if (ids.size() == BATCH) {
        flush(db, inService, unscheduled, bucket, ids, registered, inFlight, failure);
      }
      if (isMissing(i)) {
        missing++;
      } else {
        send(db, completenessRow.bind(id, YESTERDAY, "A+", 96, 96, 0, 0, 1L), inFlight, failure);
      }
    }
    for (int b = 0; b < ScheduleReadSideSchema.BUCKETS; b++) {
      flush(db, inService, unscheduled, b, buckets.get(b), registered, inFlight, failure);
    }
    inFlight.acquire(WRITES_IN_FLIGHT);
    if (failure.get() != null) {
      throw new IllegalStateException("generating the rows failed", failure.get());
    }
    return missing;
  }

  private static void flush(BoundedSession db, PreparedStatement inService, PreparedStatement unscheduled, int bucket, List<String> ids,
      Instant registered, Semaphore inFlight, AtomicReference<Throwable> failure) throws InterruptedException {
    if (ids.isEmpty()) {
      return;
    }
    var services = BatchStatement.builder(BatchType.UNLOGGED);
    var members = BatchStatement.builder(BatchType.UNLOGGED);
    for (String id : ids) {
      services.addStatement(inService.bind(bucket, id, registered));
      members.addStatement(unscheduled.bind(ScheduleReadSideSchema.UNSCHEDULED, bucket, id));
    }
    send(db, services.build().setIdempotent(true), inFlight, failure);
    send(db, members.build().setIdempotent(true), inFlight, failure);
    ids.clear();
  }

  private static void send(BoundedSession db, Statement<?> statement, Semaphore inFlight, AtomicReference<Throwable> failure)
      throws InterruptedException {
    inFlight.acquire();
    db.executeAsync(statement).whenComplete((rs, error) -> {
      if (error != null) {
        failure.compareAndSet(null, error);
      }
      inFlight.release();
    });
  }

  private static boolean isMissing(int meter) {
    return Math.floorMod(meter * 0x9E3779B1L, 1000) < MISSING * 1000;
  }

  static String meterId(int i) {
    return String.format("MTR%08d", i);
  }

  private static void assignment(ActorTestKit testKit, CollectionWindow window, ReadGroupReadSide groups) {
    HeapPeaks.reset();
    long t0 = System.nanoTime();
    long unscheduled = countPages(after -> groups.unscheduledMeters(new PageRequest(after, PAGE)));
    double baseline = HeapPeaks.seconds(t0);
    long baselineHeap = HeapPeaks.peakMb();

    HeapPeaks.reset();
    t0 = System.nanoTime();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(512, 16, 10_000, Duration.ofMinutes(4)), new AtOnce()));
    TestProbe<AssignmentReport> reports = testKit.createTestProbe();
    testKit.spawn(AssignmentRun.create(window, new AssignmentSettings(PAGE, 256, 3, Duration.ofMinutes(5), 10_000), groups, workload,
        Clock.systemUTC(), reports.getRef()));
    AssignmentReport report = reports.receiveMessage(Duration.ofMinutes(30));
    double actors = HeapPeaks.seconds(t0);
    testKit.stop(workload);
    System.out.printf("nightly assignment: %,d acknowledged in %.1f s, peak heap %d MB | baseline (paging the %,d unscheduled meters) %.1f s,"
        + " %d MB | ratio %.1fx%n", report.acknowledged(), actors, HeapPeaks.peakMb(), unscheduled, baseline, baselineHeap, actors / baseline);
  }

  private static void completeness(ActorTestKit testKit, CompletenessReadSide completeness, ScheduleReadSide readSide) {
    HeapPeaks.reset();
    long t0 = System.nanoTime();
    long[] incomplete = new long[1];
    long scanned = countPages(after -> completeness.completeness(YESTERDAY, SPAN, new PageRequest(after, PAGE)).thenApply(page -> {
      incomplete[0] += page.rows().stream().filter(m -> !m.isComplete()).count();
      return page;
    }));
    double baseline = HeapPeaks.seconds(t0);
    long baselineHeap = HeapPeaks.peakMb();

    HeapPeaks.reset();
    t0 = System.nanoTime();
    var port = new AtOnce();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(512, 16, 10_000, Duration.ofMinutes(4)), port));
    var clock = Clock.fixed(YESTERDAY.plusDays(1).atTime(LocalTime.of(8, 0)).toInstant(STANDARD_TIME), STANDARD_TIME);
    var desk = testKit.spawn(TroubleDesk.create(TroubleDesk.PERSISTENCE_ID, TroubleReportPolicy.DEFAULT, false, clock));
    var deps = new RecoveryRun.Dependencies(completeness, workload, desk, new StoreMissingDataHistory(readSide.records()),
        new RecentOperatorAlerts(100), clock);
    TestProbe<ExceptionReport> reports = testKit.createTestProbe();
    testKit.spawn(RecoveryRun.create(new RecoverySettings(SPAN, 3, Duration.ZERO, 500, PAGE, 1000), OutagePolicy.DEFAULT,
        TroubleReportPolicy.DEFAULT, GRID, deps, reports.getRef()));
    ExceptionReport report = reports.receiveMessage(Duration.ofMinutes(60));
    double actors = HeapPeaks.seconds(t0);
    var s = report.statistics();
    System.out.printf("morning completeness scan + recovery: %,d meters, %,d on schedule, %,d recovered, %,d failed, %,d reads in %.1f s,"
            + " peak heap %d MB | baseline (paging the %,d meters' completeness, %,d incomplete) %.1f s, %d MB | ratio %.1fx%n",
        s.total(), s.onSchedule(), s.recovered(), s.failed(), port.reads, actors, HeapPeaks.peakMb(), scanned, incomplete[0], baseline,
        baselineHeap, actors / baseline);
  }

  /** Pages through a read side to its end; returns the rows seen. */
  private static <T> long countPages(java.util.function.Function<Optional<String>, CompletionStage<Page<T>>> page) {
    long rows = 0;
    for (Optional<String> after = Optional.empty(); ; ) {
      Page<T> p = page.apply(after).toCompletableFuture().join();
      rows += p.rows().size();
      if (p.isLast()) {
        return rows;
      }
      after = p.continueAfter();
    }
  }

  /** Meters that answer at once: every schedule acknowledged, every range read whole. */
  private static final class AtOnce implements MeterPort {
    volatile long reads;

    @Override
    public CompletionStage<ReadOutcome> read(ReadRequest request) {
      reads++;
      int intervals = (int) (Duration.between(request.range().from(), request.range().to()).toMinutes() / GRID.interval().toMinutes());
      return CompletableFuture.completedFuture(new ReadOutcome.Collected(request.meterId(), intervals, intervals, "bench"));
    }

    @Override
    public CompletionStage<ScheduleAck> setDefaultSchedule(String meterId, LocalTime readTime) {
      return CompletableFuture.completedFuture(new ScheduleAck.Acknowledged(meterId, Instant.EPOCH));
    }

    @Override
    public CompletionStage<ScheduleAck> setNonDefaultSchedule(String meterId, NonDefaultSchedule schedule) {
      return CompletableFuture.completedFuture(new ScheduleAck.Acknowledged(meterId, Instant.EPOCH));
    }

    @Override
    public CompletionStage<ScheduleVerification> verifySchedule(String meterId, String scheduleId) {
      throw new UnsupportedOperationException("the benchmark sets no other schedules");
    }
  }
}
