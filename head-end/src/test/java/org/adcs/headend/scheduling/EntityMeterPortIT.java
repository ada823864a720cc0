package org.adcs.headend.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.TestNodes;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ReadSource;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;
import org.adcs.scheduler.port.TimeRange;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's meter port over the real meter entities and real simulated meters on real sockets:
 * a schedule write comes back acknowledged by the meter and verifies; a recovery read of a day
 * returns every interval with the path it took.
 */
class EntityMeterPortIT {

  @Test
  void schedulesAreAcknowledgedAndVerifiedAndARecoveryReadBringsTheWholeDay_R_SCH_3_R_MIS_1_R_MIS_3() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("sched-port"), "adcs_sched_port_it");
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    Instant now = Instant.now();
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      ManualClock clock = new ManualClock(now);
      try (Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(7, now.minus(Duration.ofDays(2))), 2,
          headEnd.meterPort().address()), clock, group)) {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(2, Duration.ofSeconds(60)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (headEnd.meterPort().connected().count() < 2 && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
        String meterId = fleet.meter(0).name();
        var grid = new IntervalGrid(ZoneOffset.UTC, Duration.ofMinutes(15));
        var port = new EntityMeterPort(headEnd.meters(), CollectionWindow.DEFAULT, grid, Clock.systemUTC(),
            new EntityMeterPort.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60)));

        ScheduleAck ack = await(port.setDefaultSchedule(meterId, LocalTime.of(1, 7)));
        assertInstanceOf(ScheduleAck.Acknowledged.class, ack, ack.toString());
        ScheduleVerification verified = await(port.verifySchedule(meterId, "default"));
        assertEquals(new ScheduleVerification(meterId, "default", true), verified);

        LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        TimeRange day = new TimeRange(grid.startOf(yesterday), grid.startOf(yesterday.plusDays(1)));
        ReadOutcome outcome = await(port.read(new ReadRequest(meterId, day, ReadSource.RECOVERY, ReadPriority.RECOVERY)));
        ReadOutcome.Collected collected = assertInstanceOf(ReadOutcome.Collected.class, outcome, outcome.toString());
        assertEquals(96, collected.intervalsRequested());
        assertEquals(96, collected.intervalsReceived());
        assertTrue(collected.path().startsWith("METER_CONNECTS via "), collected.path());

        ReadOutcome unknown = await(port.read(new ReadRequest("NOT-A-METER", day, ReadSource.RECOVERY, ReadPriority.RECOVERY)));
        assertInstanceOf(ReadOutcome.Failed.class, unknown, unknown.toString());
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
