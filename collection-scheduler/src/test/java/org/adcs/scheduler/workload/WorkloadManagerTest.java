package org.adcs.scheduler.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import java.time.Duration;
import java.time.Instant;
import org.adcs.scheduler.fakes.FakeMeterPort;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ReadSource;
import org.adcs.scheduler.port.TimeRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class WorkloadManagerTest {

  private static final ActorTestKit testKit = ActorTestKit.create(ManualTime.config());
  private static final ManualTime manualTime = ManualTime.get(testKit.system());
  private static final TimeRange YESTERDAY = new TimeRange(Instant.parse("2026-03-01T05:00:00Z"), Instant.parse("2026-03-02T05:00:00Z"));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static ReadRequest read(String meter, ReadPriority priority) {
    ReadSource source = priority == ReadPriority.RECOVERY ? ReadSource.RECOVERY : ReadSource.ON_DEMAND;
    return new ReadRequest(meter, YESTERDAY, source, priority);
  }

  @Test
  void an_operator_read_issued_during_a_mass_read_is_served_before_the_queued_mass_reads_R_OD_4() {
    var port = FakeMeterPort.parking();
    ActorRef<WorkloadManager.Command> manager =
        testKit.spawn(WorkloadManager.create(new WorkloadBudget(4, 1, 100, Duration.ofMinutes(4)), port));
    TestProbe<ReadOutcome> massReplies = testKit.createTestProbe();
    TestProbe<ReadOutcome> operatorReply = testKit.createTestProbe();
    for (int i = 0; i < 20; i++) {
      manager.tell(new WorkloadManager.Read(read("mass-" + i, ReadPriority.MASS_READ), massReplies.getRef()));
    }
    for (int i = 0; i < 3; i++) {
      port.nextParked();
    }

    manager.tell(new WorkloadManager.Read(read("operator-meter", ReadPriority.OPERATOR), operatorReply.getRef()));

    FakeMeterPort.ParkedRead operatorRead = port.nextParked();
    assertEquals("operator-meter", operatorRead.request().meterId(), "the operator read starts while 17 mass reads wait");
    operatorRead.answer().complete(FakeMeterPort.fullAnswer(operatorRead.request(), 96));
    assertInstanceOf(ReadOutcome.Collected.class, operatorReply.receiveMessage());
    TestProbe<WorkloadStatus> status = testKit.createTestProbe();
    manager.tell(new WorkloadManager.GetStatus(status.getRef()));
    WorkloadStatus s = status.receiveMessage();
    assertEquals(3, s.inFlight().get(ReadPriority.MASS_READ), "the freed operator permit is not for mass reads");
    assertEquals(17, s.queued().get(ReadPriority.MASS_READ));
    assertEquals(4, port.maxInFlight());
  }

  @Test
  void a_read_without_answer_fails_after_the_read_timeout_and_frees_its_permit() {
    var port = FakeMeterPort.parking();
    ActorRef<WorkloadManager.Command> manager =
        testKit.spawn(WorkloadManager.create(new WorkloadBudget(2, 1, 10, Duration.ofMinutes(4)), port));
    TestProbe<ReadOutcome> replies = testKit.createTestProbe();
    manager.tell(new WorkloadManager.Read(read("silent", ReadPriority.RECOVERY), replies.getRef()));
    manager.tell(new WorkloadManager.Read(read("next", ReadPriority.RECOVERY), replies.getRef()));
    FakeMeterPort.ParkedRead silent = port.nextParked();
    assertEquals("silent", silent.request().meterId());

    manualTime.timePasses(Duration.ofMinutes(4));

    ReadOutcome outcome = replies.receiveMessage();
    assertEquals(new ReadOutcome.Failed("silent", "no answer within PT4M"), outcome);
    assertEquals("next", port.nextParked().request().meterId(), "the freed permit went to the waiting read");
    silent.answer().complete(FakeMeterPort.fullAnswer(silent.request(), 96));
    replies.expectNoMessage(Duration.ofMillis(50));
  }

  @Test
  void a_request_beyond_the_queue_capacity_is_refused_at_once_R_OD_4() {
    var port = FakeMeterPort.parking();
    ActorRef<WorkloadManager.Command> manager =
        testKit.spawn(WorkloadManager.create(new WorkloadBudget(2, 1, 2, Duration.ofMinutes(4)), port));
    TestProbe<ReadOutcome> replies = testKit.createTestProbe();
    // One runs on the single shared permit, two wait, the fourth does not fit.
    for (int i = 0; i < 4; i++) {
      manager.tell(new WorkloadManager.Read(read("m-" + i, ReadPriority.MASS_READ), replies.getRef()));
    }

    ReadOutcome refused = replies.receiveMessage();
    assertInstanceOf(ReadOutcome.Rejected.class, refused);
    assertEquals("m-3", refused.meterId());
    assertTrue(((ReadOutcome.Rejected) refused).reason().contains("MASS_READ queue full"));

    TestProbe<WorkloadStatus> status = testKit.createTestProbe();
    manager.tell(new WorkloadManager.GetStatus(status.getRef()));
    WorkloadStatus s = status.receiveMessage();
    assertEquals(1, s.inFlight().get(ReadPriority.MASS_READ));
    assertEquals(2, s.queued().get(ReadPriority.MASS_READ));
    assertEquals(1L, s.refused().get(ReadPriority.MASS_READ));
  }
}
