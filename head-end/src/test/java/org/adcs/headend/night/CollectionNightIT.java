package org.adcs.headend.night;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.PersistenceQuery;
import akka.stream.javadsl.Sink;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.Source;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.headend.meter.MeterState;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.SharedClock;
import org.adcs.headend.testing.TestNodes;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultPlan;
import org.adcs.simulator.fault.FaultRule;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.time.AcceleratedClock;
import org.junit.jupiter.api.Test;

/**
 * One collection night with the real simulator: 300 meters on an accelerated clock shared with the
 * head-end, real sockets, the real H2 journal (issue 6, "Done when"). Every meter self-registers
 * (R-SCH-1), gets a default read time and acknowledges it (R-SCH-3), pushes its days at that time
 * (R-COL-1); the head-end is restarted in the middle of the night and the journal ends up holding
 * exactly the meters' own values, nothing acknowledged lost. On-demand reads of 20 meters return
 * the meters' values (R-OD-1); a meter that drops in the middle of a block transfer is read on the
 * retry (R-OD-2); clocks 30 s and 200 s off are corrected and raised as an event (R-CLK-1).
 */
class CollectionNightIT {

  private static final int METERS = 300;
  private static final double SPEED = 60; // a simulated hour in a real minute
  private static final int DROPS_MID_BLOCK = 6; // read group 0: pushes at 00:03, before the restart
  private static final int CLOCK_30S = 3;
  private static final int CLOCK_200S = 5;
  private static final Duration ASK = Duration.ofSeconds(30);

  @Test
  void oneNightOfThreeHundredMetersEndsWithTheJournalHoldingExactlyWhatTheMetersHold() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("night"), "adcs_night_it");
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00"); // the simulated meters keep UTC as standard time
    env.put("ADCS_METERS_ON_DEMAND_ATTEMPT_TIMEOUT", "30s");
    // The meter port's admission bounds far below the fleet, so that the 300 meters connecting at once
    // (twice: at the start and after the restart) and each read group's pushes wait their turn, and
    // the night must still end exact.
    env.put("ADCS_METER_PORT_MAX_IDENTIFYING", "16");
    env.put("ADCS_METER_PORT_MAX_PUSHES_IN_FLIGHT", "8");
    HeadEndSettings settings = TestNodes.settings(env);
    SharedClock shared = new SharedClock();
    EventLoopGroup group = new NioEventLoopGroup(2);
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1); // the day collected tonight
    Instant midnight = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    HeadEnd headEnd = HeadEnd.start(settings, shared);
    Fleet fleet = null;
    try {
      // Mid-interval, 24 simulated minutes before midnight: time to register and write every schedule.
      AcceleratedClock clock = new AcceleratedClock(midnight.minus(Duration.ofMinutes(24)), SPEED);
      shared.follow(clock);
      FleetTerms terms = FleetTerms.defaults(2026, midnight.minus(Duration.ofDays(3)))
          .withFaults(new FaultPlan(List.of(FaultRule.ofShare(Fault.DROP_MID_BLOCK, 0).forMeters(DROPS_MID_BLOCK))));
      fleet = new Fleet(FleetConfig.dialling(terms, METERS, headEnd.meterPort().address()), clock, group);
      fleet.meter(CLOCK_30S).setClock(clock.instant().plusSeconds(30), clock.instant());
      fleet.meter(CLOCK_200S).setClock(clock.instant().plusSeconds(200), clock.instant());
      fleet.start(true, line -> { });
      HeadEnd current = headEnd;
      await(() -> current.meterPort().connected().count() == METERS, "every meter connected and registered", 60);

      // The scheduler's part, played by the test: 300 meters in three read groups, a minute apart in each.
      List<CompletableFuture<MeterRequests.Outcome>> acknowledgements = new ArrayList<>();
      for (int i = 0; i < METERS; i++) {
        String id = fleet.meter(i).name();
        int readGroup = i % 3;
        LocalTime readTime = LocalTime.of(0, 1 + 20 * readGroup + (i / 3) % 19);
        var meter = headEnd.meters().meter(id);
        acknowledgements.add(meter.<Meter.Reply>ask(r -> new Meter.AssignDefaultSchedule(readGroup, readTime, "night-it", r),
                ASK).thenCompose(assigned -> meter.<MeterRequests.Outcome>ask(r -> new Meter.AwaitScheduleWrite("default", r),
                ASK)).toCompletableFuture());
      }
      for (int i = 0; i < METERS; i++) {
        MeterRequests.Outcome outcome = acknowledgements.get(i).get(60, TimeUnit.SECONDS);
        assertTrue(outcome.ok(), fleet.meter(i).name() + ": " + outcome.detail());
        assertEquals(1, fleet.meter(i).schedule(0).elements().size(), "the meter holds its one daily read time");
      }
      assertTrue(clock.instant().isBefore(midnight), "schedules were written before midnight");

      // The first read group has pushed: restart the head-end in the middle of the night.
      Fleet night = fleet;
      await(() -> clock.instant().isAfter(midnight.plus(Duration.ofMinutes(21))), "first read group's slot over", 60);
      Set<Integer> beforeRestart = acknowledgedDay(night, midnight);
      headEnd.close();
      TimeUnit.SECONDS.sleep(5); // five simulated minutes with no head-end: pushes fail and wait
      headEnd = HeadEnd.start(settings, shared);
      HeadEnd restarted = headEnd;
      await(() -> clock.instant().isAfter(midnight.plus(Duration.ofMinutes(62))), "the night's read window over", 120);
      await(() -> restarted.meterPort().connected().count() == METERS, "every meter reconnected", 120);

      // Meters whose read time fell while the head-end was down missed their push (the meter sends it with
      // its next one, R-SCH-6); the morning's recovery reads them (R-MIS-1), as the scheduler would.
      Set<Integer> pushed = acknowledgedDay(night, midnight);
      List<Integer> missed = new ArrayList<>();
      for (int i = 0; i < METERS; i++) {
        if (!pushed.contains(i)) {
          missed.add(i);
        }
      }
      assertTrue(missed.size() < METERS / 2, missed.size() + " meters missed their push");
      Instant dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC);
      List<CompletableFuture<MeterRequests.ReadResult>> recoveries = new ArrayList<>();
      for (int i : missed) {
        recoveries.add(restarted.meters().meter(fleet.meter(i).name()).<MeterRequests.ReadResult>ask(
            r -> new Meter.ReadRange(dayStart, midnight, Source.RECOVERY, "night-it", r), Duration.ofSeconds(120))
            .toCompletableFuture());
      }
      for (int n = 0; n < missed.size(); n++) {
        MeterRequests.ReadResult result = recoveries.get(n).get(130, TimeUnit.SECONDS);
        assertTrue(result.ok(), fleet.meter(missed.get(n)).name() + ": " + result.detail());
        assertEquals(96, result.intervalsReceived(), fleet.meter(missed.get(n)).name() + " recovered whole");
      }

      // The journal holds exactly what the meters hold: every interval of every day they pushed.
      Map<String, List<Meter.Event>> journal = new HashMap<>();
      for (int i = 0; i < METERS; i++) {
        String id = fleet.meter(i).name();
        journal.put(id, events(restarted.system(), id));
      }
      long compared = 0;
      for (int i = 0; i < METERS; i++) {
        compared += assertJournalHoldsTruth(fleet.meter(i), journal.get(fleet.meter(i).name()), terms, day, clock.instant());
      }

      // Clocks: 30 s off is corrected, 200 s off is left alone with a clock event (R-CLK-1).
      List<Meter.Event> off30 = journal.get(fleet.meter(CLOCK_30S).name());
      List<Meter.Event> off200 = journal.get(fleet.meter(CLOCK_200S).name());
      assertTrue(off30.stream().anyMatch(e -> e instanceof Meter.ClockCorrected), "30 s drift corrected");
      assertTrue(off200.stream().anyMatch(e -> e instanceof Meter.ClockErrorRaised), "200 s drift raised");
      assertFalse(off200.stream().anyMatch(e -> e instanceof Meter.ClockCorrected), "200 s drift not corrected");
      assertTrue(status(restarted, fleet.meter(CLOCK_200S).name()).clock().needsAttention());

      // On-demand reads of 20 meters: everything since midnight, equal to the meters' own values.
      for (int i = 20; i < 40; i++) {
        SimulatedMeter meter = fleet.meter(i);
        Instant asked = clock.instant();
        MeterRequests.ReadResult read = restarted.meters().meter(meter.name()).<MeterRequests.ReadResult>ask(
            r -> Meter.ReadRange.onDemand("night-it", r), Duration.ofSeconds(90)).toCompletableFuture().get(100, TimeUnit.SECONDS);
        assertTrue(read.ok(), meter.name() + ": " + read.detail());
        assertRead(meter, read, midnight, asked, clock.instant());
      }

      // A meter that drops in the middle of a block transfer is read on the retry (R-OD-2).
      SimulatedMeter dropper = fleet.meter(DROPS_MID_BLOCK);
      long faultsBefore = fleet.stats().faultsInjected();
      Instant twoDaysBack = dayStart.minus(Duration.ofDays(1)); // long enough to need a block transfer
      MeterRequests.ReadResult recovered = restarted.meters().meter(dropper.name()).<MeterRequests.ReadResult>ask(
          r -> new Meter.ReadRange(twoDaysBack, midnight, Source.RECOVERY, "night-it", r), Duration.ofSeconds(120))
          .toCompletableFuture().get(130, TimeUnit.SECONDS);
      assertTrue(recovered.ok(), recovered.detail());
      assertTrue(fleet.stats().faultsInjected() > faultsBefore, "the first attempt was dropped mid-transfer");
      assertEquals(2 * 96, recovered.intervalsReceived(), "both whole days on the retry");
      assertRead(dropper, recovered, twoDaysBack, midnight, clock.instant());
      assertEquals(Source.RECOVERY, recovered.intervals().source());

      System.out.printf("collection night: %d meters, %d pushed before the restart, %d after it, %d recovered; %d"
          + " intervals in the journal equal to the meters' values; 20 on-demand reads and one retried recovery read"
          + " correct; fleet: %s%n", METERS, beforeRestart.size(), pushed.size() - beforeRestart.size(), missed.size(),
          compared, fleet.stats().summary());
      assertTrue(beforeRestart.size() < METERS, "the restart came before some meters had pushed");
    } finally {
      if (fleet != null) {
        fleet.close();
      }
      headEnd.close();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /** Meters whose pushes up to midnight the head-end has acknowledged. */
  private static Set<Integer> acknowledgedDay(Fleet fleet, Instant midnight) {
    Set<Integer> done = new HashSet<>();
    long midnightLocal = midnight.getEpochSecond();
    for (int i = 0; i < fleet.size(); i++) {
      if (fleet.meter(i).acknowledgedUntilLocal() >= midnightLocal) {
        done.add(i);
      }
    }
    return done;
  }

  /**
   * Every interval the journal holds equals the meter's own value, and every interval of every day
   * up to the collected one is there; the same interval twice must carry the same value.
   */
  private static long assertJournalHoldsTruth(SimulatedMeter meter, List<Meter.Event> events, FleetTerms terms,
      LocalDate lastDay, Instant now) {
    Map<String, Long> held = new HashMap<>();
    for (Meter.Event event : events) {
      if (event instanceof Meter.IntervalsCollected collected) {
        for (ChannelDay day : collected.delivery().days()) {
          var present = day.presentIntervals();
          for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            String key = day.channel() + "/" + day.day() + "/" + i;
            Long before = held.put(key, day.pulses()[i]);
            assertTrue(before == null || before == day.pulses()[i], meter.name() + " " + key + " stored twice, differently");
          }
        }
      }
    }
    LocalDate firstHeld = held.keySet().stream().map(k -> LocalDate.parse(k.split("/")[1])).min(LocalDate::compareTo)
        .orElseThrow(() -> new AssertionError(meter.name() + ": nothing in the journal"));
    assertTrue(held.containsKey("active-import/" + lastDay + "/95"), meter.name() + ": the collected day is in");
    long fromLocal = firstHeld.toEpochDay() * MeterHistory.DAY_SECONDS;
    long toLocal = (lastDay.toEpochDay() + 1) * MeterHistory.DAY_SECONDS;
    List<IntervalReading> truth = meter.intervals(fromLocal + 1, toLocal, now);
    assertTrue(truth.size() >= 96, meter.name() + " holds at least the collected day");
    // Every day from the first one the head-end got is there in full: nothing acknowledged was lost.
    for (IntervalReading reading : truth) {
      LocalDateTime end = LocalDateTime.ofEpochSecond(reading.end().getEpochSecond(), 0, ZoneOffset.UTC);
      LocalDateTime begins = end.minusMinutes(15);
      int index = (begins.getHour() * 60 + begins.getMinute()) / 15;
      String dayKey = "/" + begins.toLocalDate() + "/" + index;
      assertEquals(reading.importRaw(), held.get("active-import" + dayKey), meter.name() + " import" + dayKey);
      assertEquals(reading.exportRaw(), held.get("active-export" + dayKey), meter.name() + " export" + dayKey);
    }
    assertEquals(2L * truth.size(), held.size(), meter.name() + ": nothing in the journal the meter does not hold");
    return held.size();
  }

  /** The read's intervals are the meter's values; every interval that ended before the read was asked is there. */
  private static void assertRead(SimulatedMeter meter, MeterRequests.ReadResult read, Instant from, Instant asked,
      Instant now) {
    Map<String, Long> got = new HashMap<>();
    for (ChannelDay day : read.intervals() == null ? List.<ChannelDay>of() : read.intervals().days()) {
      var present = day.presentIntervals();
      for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
        got.put(day.channel() + "/" + day.day() + "/" + i, day.pulses()[i]);
      }
    }
    List<IntervalReading> truth = meter.intervals(from.getEpochSecond() + 1, now.getEpochSecond(), now);
    int matched = 0;
    for (IntervalReading reading : truth) {
      LocalDateTime begins = LocalDateTime.ofEpochSecond(reading.end().getEpochSecond(), 0, ZoneOffset.UTC).minusMinutes(15);
      String key = "/" + begins.toLocalDate() + "/" + (begins.getHour() * 60 + begins.getMinute()) / 15;
      Long imported = got.get("active-import" + key);
      if (imported == null) {
        assertFalse(reading.end().isBefore(asked.minusSeconds(5)), meter.name() + " missing" + key);
        continue;
      }
      assertEquals(reading.importRaw(), imported, meter.name() + " import" + key);
      assertEquals(reading.exportRaw(), got.get("active-export" + key), meter.name() + " export" + key);
      matched++;
    }
    assertEquals(got.size(), 2 * matched, meter.name() + ": the read holds nothing the meter does not");
  }

  private static MeterState status(HeadEnd headEnd, String id) throws Exception {
    return headEnd.meters().meter(id).<MeterState>ask(Meter.GetStatus::new, ASK).toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
  }

  private static List<Meter.Event> events(ActorSystem<?> system, String meterId) throws Exception {
    JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class,
        JdbcReadJournal.Identifier());
    List<EventEnvelope> envelopes = journal.currentEventsByPersistenceId("Meter|" + meterId, 0, Long.MAX_VALUE)
        .runWith(Sink.seq(), system).toCompletableFuture().get(60, TimeUnit.SECONDS);
    List<Meter.Event> events = new ArrayList<>();
    envelopes.forEach(e -> events.add(assertInstanceOf(Meter.Event.class, e.event())));
    return events;
  }

  private static void await(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
    Await.until(what, Duration.ofSeconds(seconds), condition::getAsBoolean);
  }
}
