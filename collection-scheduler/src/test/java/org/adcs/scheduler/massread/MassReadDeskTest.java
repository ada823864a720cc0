package org.adcs.scheduler.massread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.fakes.FakeMeterPort;
import org.adcs.scheduler.fakes.InMemoryCompletenessReadSide;
import org.adcs.scheduler.fakes.InMemoryReadGroupReadSide;
import org.adcs.scheduler.massread.MassReadProgress.State;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The desk that runs operators' mass reads (R-OD-3): start, progress, list, cancel, the running limit. */
class MassReadDeskTest {

  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final IntervalGrid GRID = new IntervalGrid(ZoneOffset.UTC, Duration.ofMinutes(15));
  private static final DayRange DAY = DayRange.of(LocalDate.of(2026, 6, 1));

  private final ManualClock clock = new ManualClock(Instant.parse("2026-06-02T14:00:00Z"));
  private final FakeMeterPort port = FakeMeterPort.parking();

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private final InMemoryMassReadLedger ledger = new InMemoryMassReadLedger();

  private ActorRef<MassReadDesk.Command> desk(MassReadSettings settings) {
    var workload = testKit.spawn(WorkloadManager.create(new WorkloadBudget(40, 2, 1000, Duration.ofMinutes(4)), port));
    return testKit.spawn(MassReadDesk.create(settings, GRID, new MassReadJob.Sources(new InMemoryReadGroupReadSide(24),
        new InMemoryCompletenessReadSide()), workload, clock, ledger));
  }

  private static MassReadTarget list(String prefix, int meters) {
    return new MassReadTarget.MeterList(IntStream.range(0, meters).mapToObj(i -> prefix + i).toList(), DAY);
  }

  private static String start(ActorRef<MassReadDesk.Command> desk, MassReadTarget target, Optional<Integer> concurrency) {
    TestProbe<MassReadDesk.StartAnswer> probe = testKit.createTestProbe();
    desk.tell(new MassReadDesk.Start(target, concurrency, probe.getRef()));
    return assertInstanceOf(MassReadDesk.Started.class, probe.receiveMessage()).jobId();
  }

  private static Optional<MassReadProgress> progress(ActorRef<MassReadDesk.Command> desk, String jobId) {
    TestProbe<MassReadDesk.JobAnswer> probe = testKit.createTestProbe();
    desk.tell(new MassReadDesk.Get(jobId, probe.getRef()));
    return probe.receiveMessage().progress();
  }

  private static List<MassReadProgress> jobs(ActorRef<MassReadDesk.Command> desk) {
    TestProbe<MassReadDesk.Jobs> probe = testKit.createTestProbe();
    desk.tell(new MassReadDesk.ListJobs(probe.getRef()));
    return probe.receiveMessage().jobs();
  }

  private void answer(int reads) {
    for (int i = 0; i < reads; i++) {
      var read = port.nextParked();
      read.answer().complete(FakeMeterPort.fullAnswer(read.request(), 96));
    }
  }

  @Test
  void a_started_job_reports_its_progress_and_its_end_stays_readable_R_OD_3() {
    var desk = desk(new MassReadSettings(2, 10, 100));
    String jobId = start(desk, list("a-", 6), Optional.of(2));
    answer(2);
    TestProbe<MassReadDesk.JobAnswer> probe = testKit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(5), () -> {
      desk.tell(new MassReadDesk.Get(jobId, probe.getRef()));
      MassReadProgress p = probe.receiveMessage().progress().orElseThrow();
      assertEquals(State.RUNNING, p.state());
      assertEquals(2, p.done());
      assertEquals(4, p.remaining());
      return p;
    });
    assertEquals(2, port.maxInFlight(), "the concurrency the operator asked for");
    answer(4);
    probe.awaitAssert(Duration.ofSeconds(5), () -> {
      MassReadProgress p = progress(desk, jobId).orElseThrow();
      assertEquals(State.COMPLETED, p.state());
      assertEquals(6, p.done());
      return p;
    });
    assertEquals(List.of(jobId), jobs(desk).stream().map(MassReadProgress::jobId).toList());
    assertEquals(Optional.empty(), progress(desk, "no-such-job"));
  }

  @Test
  void more_jobs_than_the_running_limit_are_refused_and_a_cancel_frees_a_place_R_OD_3() {
    var desk = desk(new MassReadSettings(1, 10, 3));
    String first = start(desk, list("b-", 10), Optional.empty());
    TestProbe<MassReadDesk.StartAnswer> refused = testKit.createTestProbe();
    desk.tell(new MassReadDesk.Start(list("c-", 1), Optional.empty(), refused.getRef()));
    assertTrue(assertInstanceOf(MassReadDesk.Busy.class, refused.receiveMessage()).reason().contains("at most 1"));

    TestProbe<MassReadDesk.CancelAnswer> cancel = testKit.createTestProbe();
    desk.tell(new MassReadDesk.Cancel(first, cancel.getRef()));
    assertEquals(State.CANCELLED, assertInstanceOf(MassReadDesk.Cancelling.class, cancel.receiveMessage()).progress().state());
    // The default concurrency (3) of reads was outstanding; they finish, then the job ends.
    answer(3);
    cancel.awaitAssert(Duration.ofSeconds(5), () -> {
      desk.tell(new MassReadDesk.Cancel(first, cancel.getRef()));
      var ended = assertInstanceOf(MassReadDesk.AlreadyEnded.class, cancel.receiveMessage());
      assertEquals(3, ended.progress().done());
      assertEquals(7, ended.progress().remaining());
      return ended;
    });
    assertEquals(3, port.reads().size(), "no read started after the cancel");
    String second = start(desk, list("d-", 1), Optional.empty());
    desk.tell(new MassReadDesk.Cancel("no-such-job", cancel.getRef()));
    assertEquals(new MassReadDesk.UnknownJob("no-such-job"), cancel.receiveMessage());
    List<MassReadProgress> all = jobs(desk);
    assertEquals(List.of(second, first), all.stream().map(MassReadProgress::jobId).toList(), "running first, then ended");
    assertEquals(State.RUNNING, all.get(0).state());
  }

  @Test
  void a_target_the_job_refuses_is_answered_not_started_R_OD_3() {
    var desk = desk(new MassReadSettings(2, 10, 3));
    TestProbe<MassReadDesk.StartAnswer> probe = testKit.createTestProbe();
    desk.tell(new MassReadDesk.Start(list("e-", 1), Optional.of(MassReadJob.MAX_CONCURRENCY + 1), probe.getRef()));
    assertTrue(assertInstanceOf(MassReadDesk.Refused.class, probe.receiveMessage()).reason().contains("concurrency"));
    assertEquals(List.of(), jobs(desk));
  }

  @Test
  void only_the_configured_number_of_ended_jobs_is_kept_the_oldest_forgotten_first() {
    var desk = desk(new MassReadSettings(1, 1, 1));
    String first = start(desk, list("f-", 1), Optional.empty());
    answer(1);
    TestProbe<MassReadDesk.StartAnswer> probe = testKit.createTestProbe();
    // The place is free once the first job ended.
    String second = probe.awaitAssert(Duration.ofSeconds(5), () -> start(desk, list("g-", 1), Optional.empty()));
    answer(1);
    probe.awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(State.COMPLETED, progress(desk, second).orElseThrow().state());
      return null;
    });
    assertEquals(Optional.empty(), progress(desk, first));
  }

  @Test
  void an_accepted_job_is_in_the_ledger_before_it_is_started_and_its_end_after_R_OD_3() {
    var desk = desk(new MassReadSettings(2, 10, 2));
    String jobId = start(desk, list("f-", 2), Optional.empty());
    assertEquals(list("f-", 2), ledger.accepted.get(jobId).target(), "recorded before the operator heard Started");
    answer(2);
    TestProbe<MassReadDesk.JobAnswer> probe = testKit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(State.COMPLETED, ledger.ended.get(jobId).state());
      return null;
    });
  }

  @Test
  void a_job_the_ledger_cannot_record_is_not_started_and_the_operator_is_told_R_OD_3() {
    var desk = desk(new MassReadSettings(2, 10, 2));
    ledger.failing = true;
    TestProbe<MassReadDesk.StartAnswer> probe = testKit.createTestProbe();
    desk.tell(new MassReadDesk.Start(list("g-", 2), Optional.empty(), probe.getRef()));
    assertTrue(assertInstanceOf(MassReadDesk.Busy.class, probe.receiveMessage()).reason().contains("could not be recorded"));
    assertEquals(List.of(), jobs(desk));
    assertEquals(0, port.reads().size(), "nothing read");
  }

  @Test
  void a_new_desk_resumes_the_accepted_jobs_that_did_not_end_and_answers_for_the_ended_ones_R_OD_3() {
    var ended = new MassReadProgress("ended-1", State.COMPLETED, 3, true, 3, 0, 0, 10.0, Optional.empty());
    ledger.ended.put("ended-1", ended);
    ledger.accepted.put("ended-1", new MassReadLedger.AcceptedJob("ended-1", list("h-", 3), 2, clock.instant()));
    ledger.accepted.put("resumed-1", new MassReadLedger.AcceptedJob("resumed-1", list("i-", 3), 3, clock.instant()));
    var desk = desk(new MassReadSettings(2, 10, 2));
    TestProbe<MassReadDesk.JobAnswer> probe = testKit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(State.RUNNING, progress(desk, "resumed-1").orElseThrow().state());
      return null;
    });
    assertEquals(Optional.of(ended), progress(desk, "ended-1"));
    answer(3);
    probe.awaitAssert(Duration.ofSeconds(5), () -> {
      MassReadProgress p = progress(desk, "resumed-1").orElseThrow();
      assertEquals(State.COMPLETED, p.state());
      assertEquals(3, p.done());
      return p;
    });
    assertEquals(List.of("i-0", "i-1", "i-2"), port.reads().stream().map(r -> r.meterId()).sorted().toList());
  }
}
