package org.adcs.headend.faults;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.testing.Await;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.time.ManualClock;

/**
 * The simulated nights of a fault test on a manual clock. The days lie in the past, so the meters'
 * clocks are far from the head-end's and it never corrects them; night n is the one after day n - 1,
 * when the meters push that day (the default push schedules run in the night).
 */
final class Nights {

  private final LocalDate firstDay;
  private final ManualClock clock;

  Nights(int days) {
    firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(days + 2);
    clock = new ManualClock(start().plusSeconds(1));
  }

  LocalDate firstDay() {
    return firstDay;
  }

  ManualClock clock() {
    return clock;
  }

  /** A fleet dialling the cluster's meter relay, started, every meter identified on some node. */
  Fleet fleet(int meters, ThreeNodes cluster, EventLoopGroup group) throws InterruptedException {
    Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(2026, start()), meters, cluster.meterAddress()),
        clock, group);
    fleet.start(false, line -> { });
    await(() -> cluster.connected() == meters, "all meters identified", cluster);
    return fleet;
  }

  /** Local seconds of the midnight that begins night n: a meter that pushed it acknowledged up to here. */
  long midnight(int night) {
    return firstDay.plusDays(night).toEpochDay() * MeterHistory.DAY_SECONDS;
  }

  /** Runs the clock through night n to the noon after it. */
  void runThrough(int night, Fleet fleet) throws InterruptedException {
    advanceTo(firstDay.plusDays(night).atTime(12, 0).toInstant(ZoneOffset.UTC), fleet);
  }

  /** Runs the clock through night n and waits until every meter's push of it is acknowledged. */
  void collect(int night, Fleet fleet, ThreeNodes cluster) throws InterruptedException {
    runThrough(night, fleet);
    awaitAcknowledged(night, fleet, cluster);
  }

  void awaitAcknowledged(int night, Fleet fleet, ThreeNodes cluster) throws InterruptedException {
    await(() -> acknowledged(night, fleet) == fleet.size(), "night " + night + " acknowledged", cluster);
  }

  /** Meters whose pushes up to night n are acknowledged. */
  int acknowledged(int night, Fleet fleet) {
    long until = midnight(night);
    int n = 0;
    for (int i = 0; i < fleet.size(); i++) {
      if (fleet.meter(i).acknowledgedUntilLocal() >= until) {
        n++;
      }
    }
    return n;
  }

  /**
   * The midnight registers of night n of the meters whose push of it is not acknowledged now: their
   * next push will not carry them (see {@link StoreTruth}).
   */
  Set<String> registersNotAcknowledged(int night, Fleet fleet) {
    Set<String> keys = new HashSet<>();
    Instant at = firstDay.plusDays(night).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (int i = 0; i < fleet.size(); i++) {
      if (fleet.meter(i).acknowledgedUntilLocal() < midnight(night)) {
        keys.add(StoreTruth.registerKey(fleet.meter(i), at));
      }
    }
    return keys;
  }

  void advanceTo(Instant end, Fleet fleet) throws InterruptedException {
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofMinutes(10));
      fleet.tick();
      TimeUnit.MILLISECONDS.sleep(15);
    }
  }

  static void await(BooleanSupplier condition, String what, ThreeNodes cluster) throws InterruptedException {
    Await.until(() -> what + " (meters per node " + cluster.distribution() + ")", Duration.ofSeconds(120),
        condition::getAsBoolean);
  }

  private Instant start() {
    return firstDay.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
