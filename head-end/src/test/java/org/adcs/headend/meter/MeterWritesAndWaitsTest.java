package org.adcs.headend.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.adcs.headend.meter.MeterModel.ConnectionKind;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.meter.MeterModel.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the meter entity writes to its meter and how it waits for it: non-default schedules in the
 * meter's slots (R-SCH-5), acknowledgements awaited by the scheduler (R-SCH-3), read-back
 * verification (R-MIS-3), the interval length (R-SCH-7), and reads that wait for a meter out of
 * contact, dialling it when it listens (R-OD-2, R-COL-5).
 */
class MeterWritesAndWaitsTest {

  private static final ActorTestKit KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config()
      .withFallback(ConfigFactory.parseString("akka.actor.provider = local\nakka.remote.artery.canonical.port = 0"))
      .withFallback(ConfigFactory.load()));
  private static final Instant NOW = Instant.parse("2026-11-22T07:20:00Z");
  private static final ZoneOffset EST = ZoneOffset.ofHours(-5);
  private static final Registration DIALLED = new Registration("SIM00000007", "ADC00000007", "dlms-lls",
      ConnectionKind.HEAD_END_DIALS, "127.0.0.1:47007", "provisioning:ADC00000007");

  private final List<String> dialled = new CopyOnWriteArrayList<>();
  private EventSourcedBehaviorTestKit<Meter.Command, Meter.Event, MeterState> meter;
  private TestProbe<MeterRequests.Request> session;

  @BeforeEach
  void newMeter() {
    dialled.clear();
    meter = EventSourcedBehaviorTestKit.create(KIT.system(), Meter.create("SIM00000007", ClockPolicy.defaults(), EST,
        Duration.ofMillis(400), (id, address) -> dialled.add(id + "@" + address)));
    session = KIT.createTestProbe();
  }

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  private void connect(TestProbe<MeterRequests.Request> over, Instant at) {
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Announce(DIALLED, at, over.ref(), replyTo));
  }

  /** The meter was in contact over a session that has since closed (its actor stopped). */
  private void disconnectAfterContact() {
    ActorRef<MeterRequests.Request> closing = KIT.spawn(Behaviors.receiveMessage(request -> {
      session.ref().tell(request);
      return Behaviors.same();
    }));
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Announce(DIALLED, NOW, closing, replyTo));
    KIT.stop(closing);
  }

  private static ExtraSchedule everyHour(String id) {
    return new ExtraSchedule(id, LocalTime.of(14, 0), LocalTime.of(17, 0), Duration.ofHours(1), LocalDate.of(2026, 11, 23),
        null, "operator:jdoe", "critical peak pricing", false);
  }

  @Test
  void extraScheduleGoesToAFreeSlotWithItsDailyTimesAndTheAcknowledgementReachesTheWaitingCaller() {
    connect(session, NOW);
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.SetExtraSchedule(everyHour("cpp-a"), replyTo));
    var first = session.expectMessageClass(MeterRequests.WriteSchedule.class);
    assertEquals(1, first.slot());
    assertEquals(List.of(LocalTime.of(14, 0), LocalTime.of(15, 0), LocalTime.of(16, 0), LocalTime.of(17, 0)),
        first.times());
    TestProbe<MeterRequests.Outcome> scheduler = KIT.createTestProbe();
    meter.runCommand(new Meter.AwaitScheduleWrite("cpp-a", scheduler.ref()));
    scheduler.expectNoMessage(Duration.ofMillis(100));
    first.replyTo().tell(new MeterRequests.Outcome(true, "set", NOW));
    assertTrue(scheduler.receiveMessage().ok());
    assertTrue(meter.getState().extraSchedules().get("cpp-a").acknowledged());

    meter.<Meter.Reply>runCommand(replyTo -> new Meter.SetExtraSchedule(everyHour("cpp-b"), replyTo));
    assertEquals(2, session.expectMessageClass(MeterRequests.WriteSchedule.class).slot());
    meter.runCommand(new Meter.AwaitScheduleWrite("cpp-a", scheduler.ref()));
    assertTrue(scheduler.receiveMessage().ok(), "an acknowledged schedule answers at once");
  }

  @Test
  void aRefusedScheduleWriteAnswersTheWaitingCallerWithTheMeterReason() {
    connect(session, NOW);
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.AssignDefaultSchedule(4, LocalTime.of(1, 20), "scheduler", replyTo));
    var write = session.expectMessageClass(MeterRequests.WriteSchedule.class);
    TestProbe<MeterRequests.Outcome> scheduler = KIT.createTestProbe();
    meter.runCommand(new Meter.AwaitScheduleWrite("default", scheduler.ref()));
    write.replyTo().tell(new MeterRequests.Outcome(false, "meter refused the schedule: OTHER_REASON", NOW));
    MeterRequests.Outcome outcome = scheduler.receiveMessage();
    assertFalse(outcome.ok());
    assertEquals("meter refused the schedule: OTHER_REASON", outcome.detail());
  }

  @Test
  void cancelledScheduleSlotIsClearedInTheMeterAndReusedByTheNextSchedule() {
    connect(session, NOW);
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.SetExtraSchedule(everyHour("cpp-a"), replyTo));
    session.expectMessageClass(MeterRequests.WriteSchedule.class).replyTo().tell(new MeterRequests.Outcome(true, "set", NOW));
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.CancelExtraSchedule("cpp-a", "operator:jdoe", replyTo));
    var clear = session.expectMessageClass(MeterRequests.WriteSchedule.class);
    assertEquals(1, clear.slot());
    assertEquals(List.of(), clear.times());
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.SetExtraSchedule(everyHour("outage-watch"), replyTo));
    assertEquals(1, session.expectMessageClass(MeterRequests.WriteSchedule.class).slot());
  }

  @Test
  void verificationComparesWhatTheMeterHoldsWithTheRecord_R_MIS_3() {
    connect(session, NOW);
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.AssignDefaultSchedule(4, LocalTime.of(1, 20), "scheduler", replyTo));
    session.expectMessageClass(MeterRequests.WriteSchedule.class);
    TestProbe<MeterRequests.Outcome> scheduler = KIT.createTestProbe();

    meter.runCommand(new Meter.VerifySchedule("default", scheduler.ref()));
    var read = session.expectMessageClass(MeterRequests.ReadSchedule.class);
    assertEquals(0, read.slot());
    read.replyTo().tell(new MeterRequests.ScheduleHeld(true, "read", List.of(LocalTime.of(1, 20))));
    assertTrue(scheduler.receiveMessage().ok());

    meter.runCommand(new Meter.VerifySchedule("default", scheduler.ref()));
    session.expectMessageClass(MeterRequests.ReadSchedule.class).replyTo()
        .tell(new MeterRequests.ScheduleHeld(true, "read", List.of(LocalTime.of(3, 0))));
    MeterRequests.Outcome differs = scheduler.receiveMessage();
    assertFalse(differs.ok());
    assertTrue(differs.detail().contains("03:00"), differs.detail());
  }

  @Test
  void intervalLengthIsRecordedOnlyOnceTheMeterTookIt_R_SCH_7() {
    connect(session, NOW);
    TestProbe<MeterRequests.Outcome> operator = KIT.createTestProbe();
    meter.runCommand(new Meter.SetIntervalLength(7, "operator:jdoe", operator.ref()));
    assertFalse(operator.receiveMessage().ok(), "7 minutes does not divide an hour");

    meter.runCommand(new Meter.SetIntervalLength(30, "operator:jdoe", operator.ref()));
    var refused = session.expectMessageClass(MeterRequests.WriteIntervalLength.class);
    refused.replyTo().tell(new MeterRequests.Outcome(false, "meter refused the interval length: OTHER_REASON", NOW));
    assertFalse(operator.receiveMessage().ok());
    assertEquals(15, meter.getState().intervalMinutes());

    meter.runCommand(new Meter.SetIntervalLength(30, "operator:jdoe", operator.ref()));
    var taken = session.expectMessageClass(MeterRequests.WriteIntervalLength.class);
    assertEquals(30, taken.minutes());
    taken.replyTo().tell(new MeterRequests.Outcome(true, "set", NOW));
    assertTrue(operator.receiveMessage().ok());
    assertEquals(30, meter.getState().intervalMinutes());
  }

  @Test
  void readForAMeterOutOfContactDialsItWaitsAndRunsWhenItConnects_R_OD_2_R_COL_5() {
    disconnectAfterContact();
    TestProbe<MeterRequests.ReadResult> requester = KIT.createTestProbe();
    session.awaitAssert(() -> {
      meter.runCommand(new Meter.ReadRange(NOW.minusSeconds(3600), NOW, Source.RECOVERY, "scheduler", requester.ref()));
      assertFalse(dialled.isEmpty());
      return null;
    });
    assertEquals("SIM00000007@127.0.0.1:47007", dialled.get(0));

    TestProbe<MeterRequests.Request> redialled = KIT.createTestProbe();
    connect(redialled, NOW.plusSeconds(5));
    var read = redialled.expectMessageClass(MeterRequests.ReadRange.class);
    assertEquals(Source.RECOVERY, read.source());
    assertEquals(NOW.minusSeconds(3600), read.from());
    read.replyTo().tell(new MeterRequests.ReadResult(true, "read", NOW, "ADC00000007", NOW, List.of(), null, List.of()));
    assertTrue(requester.receiveMessage().ok());
  }

  @Test
  void readThatWaitsLongerThanItsTimeoutFailsAndIsRecorded_R_OD_2() {
    disconnectAfterContact();
    TestProbe<MeterRequests.ReadResult> requester = KIT.createTestProbe();
    session.awaitAssert(() -> {
      meter.runCommand(Meter.ReadRange.onDemand("api", requester.ref()));
      assertFalse(dialled.isEmpty());
      return null;
    });
    MeterRequests.ReadResult result = requester.receiveMessage(Duration.ofSeconds(3));
    assertFalse(result.ok());
    assertTrue(result.detail().contains("did not come into contact"), result.detail());
    assertTrue(meter.getState().readFailures() >= 1);
  }
}
