package org.adcs.headend.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.TestNodes;
import org.adcs.scheduler.CollectionScheduler;
import org.adcs.scheduler.readgroup.AssignmentReport;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.MeterRecoveryResult;
import org.adcs.scheduler.recovery.RecoveryOutcome;
import org.adcs.scheduler.trouble.AgingReport;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.adcs.scheduler.trouble.TroubleReason;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultPlan;
import org.adcs.simulator.fault.FaultRule;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.MeterSpec;
import org.adcs.simulator.time.AcceleratedClock;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's acceptance test (issue 8, "Done when"): a few hundred simulated meters over real
 * sockets, the real head-end with its Cassandra read side and journal, five accelerated days on one
 * clock shared by the fleet and the head-end. The scheduler places every meter in a read group and
 * the meters acknowledge (R-SCH-2, R-SCH-3); each morning its completeness check and recovery
 * (R-COL-3, R-MIS-1, R-MIS-2) report exactly what the injected faults make missing, recover what the
 * meters can give, and open trouble reports for the meters silent three days running (R-MIS-4).
 *
 * <p>Every expected figure is derived from the fault plan and the simulator's ground truth (which
 * meters have which fault, which days an intermittent meter is off the network), never from a run.
 */
class SchedulerAcceptanceIT {

  private static final int METERS = 200;
  /** 40 simulated minutes a real second: five days in about three real minutes. */
  private static final double SPEED = 2400;
  private static final long SEED = 8008;
  private static final int DAYS = 5;
  /** R-MIS-6: a regional outage takes out 15 % of the meters. */
  private static final int OUTAGE_METERS = METERS * 15 / 100;
  private static final int INTERMITTENT_METERS = 20;
  private static final Duration ASK = Duration.ofSeconds(30);

  /** The simulation's clock, shared by the head-end: set once the head-end is up. */
  private static final class SharedClock extends Clock {
    private volatile Clock delegate = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("shared as is, in UTC");
    }

    @Override
    public Instant instant() {
      return delegate.instant();
    }
  }

  @Test
  void fiveAcceleratedDaysWithFaultsGiveExactlyTheReportsTheFaultsShouldProduce() throws Exception {
    long realStart = System.nanoTime();
    // Day S: the meters register and get their read times in the evening; mornings S+1..S+5 check days S..S+4.
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(10);
    Instant start = first.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);

    // The regional outage: from 23:00 on day S+2 until 08:30 on S+3, over the whole read window, so every
    // meter in the region misses its push for day S+2; it is back before the morning check, which recovers it.
    Instant outageFrom = first.plusDays(2).atTime(23, 0).toInstant(ZoneOffset.UTC);
    Duration outageLasting = Duration.ofHours(9).plusMinutes(30);
    FaultRule outage = FaultRule.ofShare(Fault.REGIONAL_OUTAGE, 0).withOutage(Duration.between(start, outageFrom), outageLasting);
    int[] outageMeters = new int[OUTAGE_METERS];
    for (int i = 0; i < OUTAGE_METERS; i++) {
      outageMeters[i] = i;
    }
    outage = outage.forMeters(outageMeters);
    // Intermittent meters: off the network 3 days in a row out of every 5 (R-MIS-4's "3 most recent days").
    // The ones that are on the network on day S and S+1 register and get a read time like the others, so every
    // day from S is owed; which days they miss is the simulator's own seeded choice.
    FaultRule intermittentShape = FaultRule.ofShare(Fault.INTERMITTENT, 0).withMissedDays(3, 5, true);
    List<Integer> intermittent = new ArrayList<>();
    FleetTerms probe = FleetTerms.defaults(SEED, start);
    for (int i = OUTAGE_METERS; i < METERS && intermittent.size() < INTERMITTENT_METERS; i++) {
      long seed = MeterSpec.of(probe, i).seed(); // a meter's seed depends on the fleet seed and its index only
      if (!intermittentShape.missesDay(seed, first.toEpochDay()) && !intermittentShape.missesDay(seed, first.plusDays(1).toEpochDay())) {
        intermittent.add(i);
      }
    }
    assertEquals(INTERMITTENT_METERS, intermittent.size(), "enough intermittent candidates");
    FaultRule intermittentRule = intermittentShape.forMeters(intermittent.stream().mapToInt(Integer::intValue).toArray());
    FleetTerms terms = FleetTerms.defaults(SEED, start).withFaults(new FaultPlan(List.of(outage, intermittentRule)));

    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("sched-accept"),
        "adcs_accept_" + Long.toHexString(System.nanoTime()));
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00"); // the simulated meters keep UTC as standard time
    // A read of a meter that is off the network waits for it this long (real time), twice: 4 s is 2.7 simulated hours.
    env.put("ADCS_METERS_ON_DEMAND_ATTEMPT_TIMEOUT", "2s");
    Map<String, Object> overrides = new HashMap<>();
    // Timers run on the wall clock: at 2400x the scheduler must look at the shared clock often.
    overrides.put("adcs.scheduling.clock-check-every", "100ms");
    // The window starts at 01:00, an hour after an intermittent meter comes back at midnight, so its push is
    // not lost to reconnection time (a simulated minute is 25 ms here).
    overrides.put("adcs.scheduler.window.start", "01:00");
    // The check after the outage's end; R-MIS-1's "no later than 08:00" is the default, configurable.
    overrides.put("adcs.scheduler.completeness.at", "10:00");
    // Retries and timeouts are wall-clock durations, scaled to the simulation.
    overrides.put("adcs.scheduler.completeness.retry-delay", "1s");
    overrides.put("adcs.scheduler.completeness.outage-min-scanned", METERS / 2);
    overrides.put("adcs.scheduler.assignment.retry-delay", "2s");
    overrides.put("adcs.scheduler.rebalance.day", first.getDayOfWeek().name()); // next due a week after day S: not within the run
    overrides.put("adcs.scheduling.read-timeout", "20s");
    // R-MIS-6: paced, but not so slowly that a morning's recovery of meters off the network runs into the next.
    overrides.put("adcs.scheduler.outage.paced-concurrency", 16);
    var settings = TestNodes.settings(env, overrides);

    SharedClock shared = new SharedClock();
    // The scheduler reads the clock as it starts (its jobs' times): it must already be the simulation's.
    shared.delegate = Clock.fixed(start, ZoneOffset.UTC);
    EventLoopGroup group = new NioEventLoopGroup(2);
    HeadEnd headEnd = HeadEnd.start(settings, shared);
    Fleet fleet = null;
    try {
      AcceleratedClock clock = new AcceleratedClock(start, SPEED);
      shared.delegate = clock;
      fleet = new Fleet(FleetConfig.dialling(terms, METERS, headEnd.meterPort().address()), clock, group);
      fleet.start(true, line -> { });
      HeadEnd he = headEnd;
      await(() -> he.meterPort().connected().count() == METERS, "every meter connected and registered", 60);
      assertTrue(clock.instant().isBefore(first.atTime(21, 0).toInstant(ZoneOffset.UTC)), "registered before the assignment");

      // R-SCH-2, R-SCH-3: the evening's assignment places every meter and every meter acknowledges.
      AssignmentReport assignment = awaitReport(he, clock, first.atTime(21, 0), r -> r.assignment(), 60);
      assertEquals(METERS, assignment.acknowledged(), "every meter acknowledged its read time");
      assertEquals(0, assignment.notAcknowledged());
      int[] sizes = assignment.groupSizesAfter();
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int size : sizes) {
        min = Math.min(min, size);
        max = Math.max(max, size);
      }
      assertTrue(max - min <= 1, "read groups balanced: " + java.util.Arrays.toString(sizes));
      for (int i = 0; i < METERS; i++) {
        assertEquals(1, fleet.meter(i).schedule(0).elements().size(), fleet.meter(i).name() + " holds its read time");
      }

      // Each morning's exception report against what the faults make of it.
      var faults = new FaultModel(fleet, intermittentRule, first, outageFrom, outageFrom.plus(outageLasting));
      TreeSet<String> expectedTrouble = new TreeSet<>();
      List<String> figures = new ArrayList<>();
      for (int k = 1; k <= DAYS; k++) {
        LocalDate morning = first.plusDays(k);
        LocalDate previousDay = morning.minusDays(1);
        ExceptionReport report = awaitReport(he, clock, morning.atTime(10, 0), r -> r.completeness()
            .filter(e -> e.previousDay().equals(previousDay)), 90);
        TreeMap<String, List<LocalDate>> failed = new TreeMap<>();
        TreeSet<String> recovered = new TreeSet<>();
        for (int i = 0; i < METERS; i++) {
          String id = fleet.meter(i).name();
          List<LocalDate> missing = faults.missingAtMorning(i, morning);
          if (faults.offline(i, morning)) {
            failed.put(id, missing); // off the network all morning: recovery cannot reach it
            if (missing.size() >= 3) {
              expectedTrouble.add(id); // R-MIS-4: the 3 most recent days missing
            }
          } else if (!missing.isEmpty()) {
            recovered.add(id); // back on the network: recovery reads the missing days
          }
        }
        var stats = report.statistics();
        figures.add(String.format("%s: total %d, on schedule %d, recovered %d, failed %d", previousDay, stats.previousDay().total(),
            stats.previousDay().onSchedule(), stats.previousDay().recovered(), stats.previousDay().failed()));
        assertTrue(report.scanComplete(), previousDay + ": the whole population scanned");
        assertEquals(METERS, stats.previousDay().total(), previousDay + ": total");
        assertEquals(failed.size(), stats.previousDay().failed(), previousDay + ": failed");
        assertEquals(recovered.size(), stats.previousDay().recovered(), previousDay + ": recovered");
        assertEquals(METERS - failed.size() - recovered.size(), stats.previousDay().onSchedule(), previousDay + ": on schedule");
        Map<String, List<LocalDate>> stillMissing = new TreeMap<>();
        for (MeterRecoveryResult line : report.stillMissing()) {
          assertEquals(RecoveryOutcome.FAILED, line.outcome(), line.toString());
          stillMissing.put(line.meterId(), line.daysStillMissing());
        }
        assertEquals(failed, stillMissing, previousDay + ": meters still missing data and their days (R-MIS-2)");
        TreeSet<String> recoveredLines = new TreeSet<>();
        for (MeterRecoveryResult line : report.recovered()) {
          assertEquals(RecoveryOutcome.RECOVERED, line.outcome(), line.toString());
          assertEquals(List.of(previousDay), line.daysRecovered(), line.toString());
          assertEquals(96, line.intervalsRecovered(), line + ": the whole day recovered");
          recoveredLines.add(line.meterId());
        }
        assertEquals(recovered, recoveredLines, previousDay + ": meters recovered");
      }

      // R-MIS-4: trouble reports for exactly the meters whose 3 most recent days were missing.
      AgingReport aging = AskPattern.<TroubleDesk.Command, AgingReport>ask(he.scheduling().actors().troubleDesk(),
          TroubleDesk.GetAgingReport::new, ASK, he.system().scheduler()).toCompletableFuture().get(60, TimeUnit.SECONDS);
      TreeSet<String> opened = new TreeSet<>();
      for (AgingReport.Line line : aging.lines()) {
        assertEquals(TroubleReason.RECENT_DAYS_MISSING, line.report().reason(), line.toString());
        opened.add(line.report().meterId());
      }
      assertEquals(expectedTrouble, opened, "trouble reports opened for the meters silent 3 days running");
      assertTrue(!expectedTrouble.isEmpty(), "the fault plan silenced some meters 3 days running");

      System.out.printf("scheduler acceptance: %d meters, %d in the regional outage, %d intermittent; %s; %d trouble reports;"
          + " real time %d s; fleet: %s%n", METERS, OUTAGE_METERS, INTERMITTENT_METERS, String.join("; ", figures), opened.size(),
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - realStart), fleet.stats().summary());
    } finally {
      if (fleet != null) {
        fleet.close();
      }
      headEnd.close();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /**
   * What the faults make of each meter's days. An intermittent meter is off the network on whole days
   * (the simulator's seeded choice); a meter that misses its push sends every unacknowledged day with its
   * next one, so at a morning's check the days still missing are those since the last day it was on the
   * network, if it is off the network that morning too. The outage meters miss the one push in the outage.
   */
  private static final class FaultModel {
    private final Fleet fleet;
    private final FaultRule intermittent;
    private final LocalDate first;
    private final Instant outageFrom;
    private final Instant outageTo;

    FaultModel(Fleet fleet, FaultRule intermittent, LocalDate first, Instant outageFrom, Instant outageTo) {
      this.fleet = fleet;
      this.intermittent = intermittent;
      this.first = first;
      this.outageFrom = outageFrom;
      this.outageTo = outageTo;
    }

    boolean offline(int meter, LocalDate day) {
      MeterSpec spec = fleet.meter(meter).spec();
      return spec.has(Fault.INTERMITTENT) && intermittent.missesDay(spec.seed(), day.toEpochDay());
    }

    /** Days from the first owed one up to the day before {@code morning} that the head-end lacks at the morning's check. */
    List<LocalDate> missingAtMorning(int meter, LocalDate morning) {
      MeterSpec spec = fleet.meter(meter).spec();
      if (spec.has(Fault.REGIONAL_OUTAGE)) {
        LocalDate outageDay = LocalDate.ofInstant(outageTo, ZoneOffset.UTC);
        // The read window of the outage's morning lies wholly inside the outage: that push is lost.
        assertTrue(!outageFrom.isAfter(outageDay.atTime(1, 0).toInstant(ZoneOffset.UTC)) && outageTo.isAfter(
            outageDay.atTime(8, 0).toInstant(ZoneOffset.UTC)), "outage covers the read window");
        return morning.equals(outageDay) ? List.of(morning.minusDays(1)) : List.of();
      }
      if (!offline(meter, morning)) {
        return List.of();
      }
      LocalDate lastOnline = morning.minusDays(1);
      while (offline(meter, lastOnline) && lastOnline.isAfter(first)) {
        lastOnline = lastOnline.minusDays(1);
      }
      List<LocalDate> missing = new ArrayList<>();
      for (LocalDate day = lastOnline; day.isBefore(morning); day = day.plusDays(1)) {
        missing.add(day);
      }
      return missing;
    }
  }

  /** Waits for the clock to pass {@code at} and for the scheduler's last report of the kind to be there. */
  private static <T> T awaitReport(HeadEnd headEnd, Clock clock, java.time.LocalDateTime at,
      java.util.function.Function<CollectionScheduler.LastReports, Optional<T>> pick, int seconds) throws Exception {
    Instant due = at.toInstant(ZoneOffset.UTC);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      if (!clock.instant().isBefore(due)) {
        CollectionScheduler.LastReports reports = AskPattern.<CollectionScheduler.Command, CollectionScheduler.LastReports>ask(
            headEnd.scheduling().actors().scheduler(), CollectionScheduler.GetLastReports::new, ASK, headEnd.system().scheduler())
            .toCompletableFuture().get(60, TimeUnit.SECONDS);
        Optional<T> report = pick.apply(reports);
        if (report.isPresent()) {
          return report.get();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for the report due at " + at + "; simulated time is " + clock.instant());
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static void await(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }
}
