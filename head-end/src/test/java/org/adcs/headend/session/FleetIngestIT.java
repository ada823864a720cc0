package org.adcs.headend.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * The real simulator's meters dial the real meter port, push yesterday, and the MDM store ends up
 * with exactly what the meters hold (R-COL-1, R-COL-2): every interval of every meter on both
 * channels, in engineering units, nothing missing, nothing extra.
 */
class FleetIngestIT {

  private static final int METERS = 30;

  @Test
  void everyIntervalTheMetersHoldReachesTheStoreExactly() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("fleet"), "adcs_fleet_it");
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    Instant now = Instant.now();
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      FleetTerms terms = FleetTerms.defaults(7, now.minus(Duration.ofDays(1)));
      ManualClock clock = new ManualClock(now);
      try (Fleet fleet = new Fleet(FleetConfig.dialling(terms, METERS, headEnd.meterPort().address()), clock, group)) {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(METERS, Duration.ofSeconds(60)));
        await(() -> headEnd.meterPort().connected().count() == METERS, "all meters identified");
        for (int i = 0; i < METERS; i++) {
          fleet.pushNow(fleet.meter(i), 0);
        }
        LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        long fromLocal = yesterday.toEpochDay() * MeterHistory.DAY_SECONDS;
        long toLocal = fromLocal + MeterHistory.DAY_SECONDS;
        int compared = 0;
        for (int i = 0; i < METERS; i++) {
          SimulatedMeter meter = fleet.meter(i);
          MeterId id = new MeterId(meter.name());
          await(() -> validated(headEnd, id, Channel.ACTIVE_IMPORT, yesterday).isPresent()
              && validated(headEnd, id, new Channel("active-export", "Wh"), yesterday).isPresent(), meter.name() + " stored");
          ValidatedDay imports = validated(headEnd, id, Channel.ACTIVE_IMPORT, yesterday).orElseThrow();
          ValidatedDay exports = validated(headEnd, id, new Channel("active-export", "Wh"), yesterday).orElseThrow();
          List<IntervalReading> truth = meter.intervals(fromLocal + 1, toLocal, clock.instant());
          assertEquals(96, truth.size(), "the meter holds a whole day");
          for (IntervalReading reading : truth) {
            int index = (int) ((reading.end().getEpochSecond() - fromLocal - 900) / 900);
            assertEquals(engineering(reading.importRaw(), meter.spec().importUnit().scaler()),
                engineering(imports.value(index), imports.scale()), meter.name() + " import interval " + index);
            assertEquals(engineering(reading.exportRaw(), meter.spec().exportUnit().scaler()),
                engineering(exports.value(index), exports.scale()), meter.name() + " export interval " + index);
            compared++;
          }
          for (int index = 0; index < 96; index++) {
            assertTrue(!imports.has(index, org.adcs.mdm.vee.VeeFlag.GAP) && !exports.has(index, org.adcs.mdm.vee.VeeFlag.GAP),
                meter.name() + " interval " + index + " arrived");
          }
        }
        System.out.printf("fleet ingest: %d meters, %d intervals compared with the meters' own values, all equal%n",
            METERS, compared * 2);
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private static BigDecimal engineering(long value, int scale) {
    return BigDecimal.valueOf(value).scaleByPowerOfTen(scale).stripTrailingZeros();
  }

  private static Optional<ValidatedDay> validated(HeadEnd headEnd, MeterId meter, Channel channel, LocalDate day) {
    return headEnd.bridge().store().intervals().validatedAsOf(meter, channel, day, Long.MAX_VALUE)
        .toCompletableFuture().join();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(what, Duration.ofSeconds(90), condition::getAsBoolean);
  }
}
