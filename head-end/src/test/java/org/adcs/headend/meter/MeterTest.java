package org.adcs.headend.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.ConnectionKind;
import org.adcs.headend.meter.MeterModel.Delivery;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterModel.LoggedEvent;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.meter.MeterModel.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meter entity as the B1 use case tells it. The test kit also round-trips every command, event,
 * reply and state through the configured serializer (Jackson CBOR).
 */
class MeterTest {

  private static final ActorTestKit KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config()
      .withFallback(ConfigFactory.parseString("akka.actor.provider = local\nakka.remote.artery.canonical.port = 0"))
      .withFallback(ConfigFactory.load()));
  private static final Instant NOW = Instant.parse("2026-11-22T07:20:00Z");
  private static final ZoneOffset EST = ZoneOffset.ofHours(-5);
  private static final Registration REGISTRATION = new Registration("SIM00000042", "ADC00000042", "dlms-lls",
      ConnectionKind.METER_CONNECTS, null, "lls/SIM00000042");

  private EventSourcedBehaviorTestKit<Meter.Command, Meter.Event, MeterState> meter;

  @BeforeEach
  void newMeter() {
    meter = EventSourcedBehaviorTestKit.create(KIT.system(), Meter.create("SIM00000042", ClockPolicy.defaults(), EST));
  }

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  private void register() {
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Announce(REGISTRATION, NOW, null, replyTo));
  }

  private static Delivery night(LocalDate day, int fromInterval, int toInterval) {
    BitSet present = new BitSet();
    present.set(fromInterval, toInterval);
    long[] pulses = new long[96];
    for (int i = fromInterval; i < toInterval; i++) {
      pulses[i] = 100 + i;
    }
    return new Delivery(Source.SCHEDULED, NOW, List.of(new ChannelDay("active-import", "Wh", new BigDecimal("0.5"), day,
        15, pulses, present.toLongArray(), new int[96])), List.of());
  }

  @Test
  void unknownMeterThatAnnouncesItselfIsRegisteredUnscheduled_R_SCH_1() {
    var result = meter.<Meter.Reply>runCommand(replyTo -> new Meter.Announce(REGISTRATION, NOW, null, replyTo));
    assertInstanceOf(Meter.MeterSelfRegistered.class, result.event());
    assertEquals(new Meter.Accepted(true), result.reply());
    assertEquals(MeterState.UNSCHEDULED, result.state().readGroup());
    assertEquals(NOW, result.state().lastContact());
  }

  @Test
  void dataFromAnUnregisteredMeterIsRejected() {
    var result = meter.<Meter.Reply>runCommand(replyTo -> new Meter.Collect(night(LocalDate.of(2026, 11, 21), 0, 96), replyTo));
    assertInstanceOf(Meter.Rejected.class, result.reply());
    assertTrue(result.hasNoEvents());
  }

  @Test
  void intervalsArePersistedBeforeTheyAreAcknowledgedAndASecondCopyChangesNothing_R_COL_1() {
    register();
    LocalDate day = LocalDate.of(2026, 11, 21);
    var first = meter.<Meter.Reply>runCommand(replyTo -> new Meter.Collect(night(day, 0, 96), replyTo));
    assertInstanceOf(Meter.IntervalsCollected.class, first.event());
    assertEquals(new Meter.Accepted(true), first.reply());
    assertEquals(96, first.state().intervalsHeld("active-import", day));

    var again = meter.<Meter.Reply>runCommand(replyTo -> new Meter.Collect(night(day, 0, 96), replyTo));
    assertTrue(again.hasNoEvents());
    assertEquals(new Meter.Accepted(false), again.reply());
  }

  @Test
  void aPushsIntervalsAndEventsArePersistedInOneWriteAndOnlyWhatIsNew_R_COL_1_R_EV_1() {
    register();
    LocalDate day = LocalDate.of(2026, 11, 21);
    LocalDateTime at = LocalDateTime.of(2026, 11, 21, 13, 2);
    List<LoggedEvent> logged = List.of(new LoggedEvent(7, 1, "POWER_OUTAGE", at));
    var first = meter.<Meter.Reply>runCommand(replyTo -> new Meter.Collect(night(day, 0, 96), logged, replyTo));
    assertEquals(2, first.events().size());
    assertInstanceOf(Meter.IntervalsCollected.class, first.events().get(0));
    assertEquals(logged, assertInstanceOf(Meter.EventsReceived.class, first.events().get(1)).events());
    assertEquals(new Meter.Accepted(true), first.reply());

    // The same push again, with one more event: only the event is new.
    List<LoggedEvent> more = List.of(logged.get(0), new LoggedEvent(8, 2, "POWER_RESTORED", at.plusMinutes(3)));
    var again = meter.<Meter.Reply>runCommand(replyTo -> new Meter.Collect(night(day, 0, 96), more, replyTo));
    var received = assertInstanceOf(Meter.EventsReceived.class, again.event());
    assertEquals(List.of(8L), received.events().stream().map(LoggedEvent::sequence).toList());

    var repeat = meter.<Meter.Reply>runCommand(replyTo -> new Meter.Collect(night(day, 0, 96), more, replyTo));
    assertTrue(repeat.hasNoEvents());
    assertEquals(new Meter.Accepted(false), repeat.reply());
  }

  @Test
  void recoveredIntervalsFillTheGap() {
    register();
    LocalDate day = LocalDate.of(2026, 11, 21);
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Collect(night(day, 0, 40), replyTo));
    var recovery = meter.<Meter.Reply>runCommand(replyTo -> new Meter.Collect(night(day, 36, 96), replyTo));
    assertInstanceOf(Meter.IntervalsCollected.class, recovery.event());
    assertEquals(96, recovery.state().intervalsHeld("active-import", day));
  }

  @Test
  void eventsAlreadyReceivedAreNotRecordedTwice_R_EV_1() {
    register();
    LocalDateTime at = LocalDateTime.of(2026, 11, 21, 13, 2);
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.RecordEvents(List.of(new LoggedEvent(7, 1, "POWER_OUTAGE", at)), NOW, replyTo));
    var result = meter.<Meter.Reply>runCommand(replyTo -> new Meter.RecordEvents(List.of(
        new LoggedEvent(7, 1, "POWER_OUTAGE", at), new LoggedEvent(8, 2, "POWER_RESTORED", at.plusMinutes(3))), NOW, replyTo));
    var received = assertInstanceOf(Meter.EventsReceived.class, result.event());
    assertEquals(List.of(8L), received.events().stream().map(LoggedEvent::sequence).toList());
    assertEquals(8, result.state().lastEventSequence());
  }

  @Test
  void anEarlierEventArrivingAfterALaterOneIsStillRecorded_R_EV_1() {
    // A push stored late, or a meter whose clock was set back, brings events older than the newest held.
    register();
    LocalDateTime at = LocalDateTime.of(2026, 11, 21, 13, 2);
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.RecordEvents(List.of(new LoggedEvent(9, 2, "POWER_RESTORED",
        at.plusMinutes(3))), NOW, replyTo));
    var earlier = meter.<Meter.Reply>runCommand(replyTo -> new Meter.RecordEvents(List.of(
        new LoggedEvent(7, 1, "POWER_OUTAGE", at), new LoggedEvent(9, 2, "POWER_RESTORED", at.plusMinutes(3))), NOW, replyTo));
    var received = assertInstanceOf(Meter.EventsReceived.class, earlier.event());
    assertEquals(List.of(7L), received.events().stream().map(LoggedEvent::sequence).toList());
    assertEquals(9, earlier.state().lastEventSequence());
    var again = meter.<Meter.Reply>runCommand(replyTo -> new Meter.RecordEvents(List.of(
        new LoggedEvent(7, 1, "POWER_OUTAGE", at)), NOW, replyTo));
    assertEquals(new Meter.Accepted(false), again.reply());
  }

  @Test
  void defaultScheduleIsRecordedThenAcknowledged_R_SCH_3() {
    register();
    var assigned = meter.<Meter.Reply>runCommand(replyTo ->
        new Meter.AssignDefaultSchedule(5, LocalTime.of(1, 41), "scheduler", replyTo));
    assertEquals(5, assigned.state().readGroup());
    assertEquals(false, assigned.state().defaultSchedule().acknowledged());
    var acked = meter.<Meter.Reply>runCommand(replyTo -> new Meter.ConfirmSchedule("default", NOW, replyTo));
    assertTrue(acked.state().defaultSchedule().acknowledged());
  }

  @Test
  void defaultScheduleIsWrittenThroughTheMeterSessionAndItsAcknowledgementRecorded_R_SCH_3() {
    akka.actor.testkit.typed.javadsl.TestProbe<MeterRequests.Request> session = KIT.createTestProbe();
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Announce(REGISTRATION, NOW, session.ref(), replyTo));
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.AssignDefaultSchedule(7, LocalTime.of(2, 20), "scheduler", replyTo));
    var write = session.expectMessageClass(MeterRequests.WriteSchedule.class);
    assertEquals(0, write.slot());
    assertEquals(List.of(LocalTime.of(2, 20)), write.times());
    write.replyTo().tell(new MeterRequests.Outcome(true, "set", NOW));
    session.awaitAssert(() -> {
      assertTrue(meter.getState().defaultSchedule().acknowledged());
      return null;
    });
  }

  @Test
  void scheduleTheMeterRefusesStaysUnacknowledgedAndIsWrittenAgainAtTheNextContact() {
    akka.actor.testkit.typed.javadsl.TestProbe<MeterRequests.Request> session = KIT.createTestProbe();
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Announce(REGISTRATION, NOW, session.ref(), replyTo));
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.AssignDefaultSchedule(7, LocalTime.of(2, 20), "scheduler", replyTo));
    session.expectMessageClass(MeterRequests.WriteSchedule.class).replyTo()
        .tell(new MeterRequests.Outcome(false, "meter refused the schedule: TYPE_UNMATCHED", NOW));
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Announce(REGISTRATION, NOW.plusSeconds(60), session.ref(), replyTo));
    session.expectMessageClass(MeterRequests.WriteSchedule.class);
    assertEquals(false, meter.getState().defaultSchedule().acknowledged());
  }

  @Test
  void onDemandReadWithoutAValidAnswerIsTriedOnceMoreThenReportedAsFailed_R_OD_2() {
    akka.actor.testkit.typed.javadsl.TestProbe<MeterRequests.Request> session = KIT.createTestProbe();
    akka.actor.testkit.typed.javadsl.TestProbe<MeterRequests.ReadResult> requester = KIT.createTestProbe();
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Announce(REGISTRATION, NOW, session.ref(), replyTo));
    meter.runCommand(Meter.ReadRange.onDemand("operator:jdoe", requester.ref()));
    session.expectMessageClass(MeterRequests.ReadRange.class).replyTo()
        .tell(MeterRequests.ReadResult.failed("timeout", NOW));
    session.expectMessageClass(MeterRequests.ReadRange.class).replyTo()
        .tell(MeterRequests.ReadResult.failed("timeout again", NOW));
    MeterRequests.ReadResult result = requester.receiveMessage();
    assertEquals(false, result.ok());
    assertEquals("timeout again", result.detail());
    assertEquals(2, meter.getState().readFailures());
  }

  @Test
  void onDemandReadAnswerIsStoredAsOnDemandBeforeTheRequesterGetsIt_R_OD_1() {
    akka.actor.testkit.typed.javadsl.TestProbe<MeterRequests.Request> session = KIT.createTestProbe();
    akka.actor.testkit.typed.javadsl.TestProbe<MeterRequests.ReadResult> requester = KIT.createTestProbe();
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Announce(REGISTRATION, NOW, session.ref(), replyTo));
    meter.runCommand(Meter.ReadRange.onDemand("api", requester.ref()));
    LocalDate today = LocalDate.of(2026, 11, 22);
    Delivery intervals = new Delivery(Source.ON_DEMAND, NOW, night(today, 0, 8).days(), List.of());
    session.expectMessageClass(MeterRequests.ReadRange.class).replyTo().tell(new MeterRequests.ReadResult(true, "read", NOW,
        "ADC00000042", NOW, List.of(), intervals, List.of(new LoggedEvent(3, 1, "POWER_OUTAGE", today.atTime(1, 0)))));
    assertEquals(true, requester.receiveMessage().ok());
    assertEquals(8, meter.getState().intervalsHeld("active-import", today));
    assertEquals(3, meter.getState().lastEventSequence());
  }

  @Test
  void meterHoldsAtLeastFourExtraSchedulesWithTheirSource_R_SCH_5() {
    register();
    for (int i = 1; i <= Meter.MAX_EXTRA_SCHEDULES; i++) {
      int n = i;
      var set = meter.<Meter.Reply>runCommand(replyTo -> new Meter.SetExtraSchedule(schedule("cpp-" + n, 60), replyTo));
      assertEquals(new Meter.Accepted(true), set.reply());
    }
    var state = meter.getState();
    assertEquals(Meter.MAX_EXTRA_SCHEDULES, state.extraSchedules().size());
    assertEquals("operator:jdoe", state.extraSchedules().get("cpp-1").setBy());
    var full = meter.<Meter.Reply>runCommand(replyTo -> new Meter.SetExtraSchedule(schedule("one-more", 60), replyTo));
    assertInstanceOf(Meter.Rejected.class, full.reply());
    var cancelled = meter.<Meter.Reply>runCommand(replyTo -> new Meter.CancelExtraSchedule("cpp-1", "operator:jdoe", replyTo));
    assertEquals(Meter.MAX_EXTRA_SCHEDULES - 1, cancelled.state().extraSchedules().size());
  }

  @Test
  void scheduleReadingMoreOftenThanTheIntervalIsRefused_R_SCH_5() {
    register();
    var result = meter.<Meter.Reply>runCommand(replyTo -> new Meter.SetExtraSchedule(schedule("too-often", 5), replyTo));
    assertTrue(((Meter.Rejected) result.reply()).reason().contains("15-minute interval"));
  }

  @Test
  void clockDriftOfThirtySecondsIsToBeCorrectedAndTwoHundredRaisesAClockEvent_R_CLK_1() {
    register();
    Instant readAt = Instant.parse("2026-11-22T07:07:30Z"); // 02:07:30 EST, mid-interval
    LocalDateTime system = LocalDateTime.ofInstant(readAt, EST);
    var small = meter.<ClockPolicy.Decision>runCommand(replyTo -> new Meter.CheckClock(system.plusSeconds(30), readAt, replyTo));
    assertInstanceOf(ClockPolicy.Correct.class, small.reply());
    assertInstanceOf(Meter.ClockChecked.class, small.event());
    var corrected = meter.<Meter.Reply>runCommand(replyTo ->
        new Meter.ConfirmClockCorrection(Duration.ofSeconds(30), true, "set", readAt, replyTo));
    assertInstanceOf(Meter.ClockCorrected.class, corrected.event());

    var large = meter.<ClockPolicy.Decision>runCommand(replyTo -> new Meter.CheckClock(system.plusSeconds(200), readAt, replyTo));
    assertInstanceOf(ClockPolicy.RaiseClockEvent.class, large.reply());
    assertInstanceOf(Meter.ClockErrorRaised.class, large.event());
    assertTrue(large.state().clock().needsAttention());
  }

  @Test
  void stateSurvivesARestart() {
    register();
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.Collect(night(LocalDate.of(2026, 11, 21), 0, 96), replyTo));
    meter.<Meter.Reply>runCommand(replyTo -> new Meter.AssignDefaultSchedule(3, LocalTime.of(1, 1), "scheduler", replyTo));
    MeterState before = meter.getState();
    var restarted = meter.restart();
    assertEquals(before, restarted.state());
  }

  private static ExtraSchedule schedule(String id, int everyMinutes) {
    return new ExtraSchedule(id, LocalTime.of(14, 0), LocalTime.of(20, 0), Duration.ofMinutes(everyMinutes),
        LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30), "operator:jdoe", "critical peak pricing", false);
  }
}
