package org.adcs.scheduler.massread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.fakes.FakeMeterPort;
import org.adcs.scheduler.fakes.InMemoryCompletenessReadSide;
import org.adcs.scheduler.fakes.InMemoryReadGroupReadSide;
import org.adcs.scheduler.massread.MassReadProgress.State;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadSource;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MassReadJobTest {

  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final IntervalGrid GRID = new IntervalGrid(ZoneOffset.ofHours(-5), Duration.ofMinutes(15));
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 6, 1);
  private static final DayRange YESTERDAY_ONLY = DayRange.of(YESTERDAY);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-06-02T14:00:00Z"));
  private final InMemoryReadGroupReadSide groups = new InMemoryReadGroupReadSide(24);
  private final InMemoryCompletenessReadSide completeness = new InMemoryCompletenessReadSide();

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private MassReadJob.Sources sources() {
    return new MassReadJob.Sources(groups, completeness);
  }

  private static void awaitProgress(akka.actor.typed.ActorRef<MassReadJob.Command> job, long finished) {
    TestProbe<MassReadProgress> probe = testKit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(5), () -> {
      job.tell(new MassReadJob.GetProgress(probe.getRef()));
      MassReadProgress p = probe.receiveMessage();
      assertEquals(finished, p.done() + p.failed());
      return p;
    });
  }

  @Test
  void a_list_is_read_with_at_most_its_concurrency_outstanding_and_progress_counts_done_failed_remaining_R_OD_3() {
    var port = FakeMeterPort.parking();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(40, 2, 1000, Duration.ofMinutes(4)), port));
    TestProbe<MassReadProgress> finished = testKit.createTestProbe();
    List<String> meters = IntStream.range(0, 50).mapToObj(i -> "m-" + i).toList();
    var job = testKit.spawn(MassReadJob.create("job-1", new MassReadTarget.MeterList(meters, YESTERDAY_ONLY), 5, GRID, sources(),
        workload, clock, finished.getRef()));

    for (int i = 0; i < 20; i++) {
      var read = port.nextParked();
      assertEquals(ReadPriority.MASS_READ, read.request().priority());
      assertEquals(ReadSource.ON_DEMAND, read.request().source());
      read.answer().complete(i % 10 == 0 ? new ReadOutcome.Failed(read.request().meterId(), "no answer")
          : FakeMeterPort.fullAnswer(read.request(), 96));
    }
    clock.advance(Duration.ofMinutes(2));
    awaitProgress(job, 20);
    TestProbe<MassReadProgress> probe = testKit.createTestProbe();
    job.tell(new MassReadJob.GetProgress(probe.getRef()));
    MassReadProgress midway = probe.receiveMessage();
    assertEquals(18, midway.done());
    assertEquals(2, midway.failed());
    assertEquals(30, midway.remaining());
    assertEquals(10.0, midway.readsPerMinute(), 1e-9);
    assertEquals(Instant.parse("2026-06-02T14:05:00Z"), midway.estimatedEnd().orElseThrow());

    for (int i = 20; i < 50; i++) {
      var read = port.nextParked();
      read.answer().complete(i % 10 == 0 ? new ReadOutcome.Failed(read.request().meterId(), "no answer")
          : FakeMeterPort.fullAnswer(read.request(), 96));
    }
    MassReadProgress end = finished.receiveMessage();
    assertEquals(State.COMPLETED, end.state());
    assertEquals(45, end.done());
    assertEquals(5, end.failed());
    assertEquals(0, end.remaining());
    assertEquals(5, port.maxInFlight(), "the job's own throttle, below the workload budget");
  }

  @Test
  void a_cancelled_job_starts_no_new_read_and_reports_after_the_outstanding_ones_R_OD_3() {
    for (int m = 0; m < 2500; m++) {
      groups.member(3, String.format("g3-%04d", m));
    }
    var port = FakeMeterPort.parking();
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(40, 2, 1000, Duration.ofMinutes(4)), port));
    TestProbe<MassReadProgress> finished = testKit.createTestProbe();
    var job = testKit.spawn(MassReadJob.create("job-2", new MassReadTarget.ReadGroupMembers(3, YESTERDAY_ONLY), 10, GRID, sources(),
        workload, clock, finished.getRef()));
    for (int i = 0; i < 5; i++) {
      var read = port.nextParked();
      read.answer().complete(FakeMeterPort.fullAnswer(read.request(), 96));
    }
    awaitProgress(job, 5);

    TestProbe<MassReadProgress> cancelReply = testKit.createTestProbe();
    job.tell(new MassReadJob.Cancel(cancelReply.getRef()));
    assertEquals(State.CANCELLED, cancelReply.receiveMessage().state());
    for (int i = 0; i < 10; i++) {
      var read = port.nextParked();
      read.answer().complete(FakeMeterPort.fullAnswer(read.request(), 96));
    }

    MassReadProgress end = finished.receiveMessage();
    assertEquals(State.CANCELLED, end.state());
    assertEquals(15, end.done());
    assertEquals(15, port.reads().size(), "nothing was read after the cancellation");
  }

  @Test
  void a_timeframe_target_reads_only_the_missing_days_of_meters_missing_data_in_it_R_OD_3() {
    LocalDate first = YESTERDAY.minusDays(2);
    for (int m = 0; m < 20; m++) {
      String id = String.format("m-%02d", m);
      if (m % 5 == 0) {
        completeness.missing(id, YESTERDAY, 3, m % 3);
      } else {
        completeness.complete(id, YESTERDAY, 3);
      }
    }
    var port = new FakeMeterPort(r -> FakeMeterPort.fullAnswer(r, 288), w -> null);
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(8, 2, 100, Duration.ofMinutes(4)), port));
    TestProbe<MassReadProgress> finished = testKit.createTestProbe();

    testKit.spawn(MassReadJob.create("job-3", new MassReadTarget.MissingData(new DayRange(first, YESTERDAY)), 3, GRID, sources(),
        workload, clock, finished.getRef()));

    MassReadProgress end = finished.receiveMessage();
    assertEquals(4, end.done());
    assertEquals(List.of("m-00", "m-05", "m-10", "m-15"), port.reads().stream().map(r -> r.meterId()).sorted().toList());
    // Each meter misses one day of the three: only that day is asked for.
    assertTrue(port.reads().stream().allMatch(r -> r.range().length().equals(Duration.ofDays(1))));
    var m05 = port.reads().stream().filter(r -> r.meterId().equals("m-05")).findFirst().orElseThrow();
    assertEquals(GRID.startOf(first), m05.range().from(), "m-05 misses the first day of the timeframe");
  }

  @Test
  void an_invalid_job_is_refused_with_the_reason() {
    var target = new MassReadTarget.MeterList(List.of("a"), YESTERDAY_ONLY);
    var error = assertThrows(IllegalArgumentException.class,
        () -> MassReadJob.create("j", target, 0, GRID, sources(), null, clock, null));
    assertTrue(error.getMessage().contains("concurrency"));
    assertThrows(IllegalArgumentException.class,
        () -> MassReadJob.create("j", new MassReadTarget.MissingData(new DayRange(YESTERDAY.minusDays(70), YESTERDAY)), 1, GRID,
            sources(), null, clock, null));
  }
}
