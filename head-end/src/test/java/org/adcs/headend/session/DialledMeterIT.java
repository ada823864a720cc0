package org.adcs.headend.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import akka.actor.typed.ActorRef;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.ConnectionKind;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterModel.Source;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.headend.meter.MeterState;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.TestNodes;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meters that listen (R-COL-5), from the real simulator over loopback: provisioned with an address,
 * the head-end dials them at start and they register as dialled meters; a read for one whose
 * connection closed dials it again; a recovery read of yesterday returns exactly what the meter
 * holds; non-default schedules and the interval length are written to the meter with SET, held by
 * it and verified by reading them back (R-SCH-5, R-SCH-7, R-MIS-3).
 */
class DialledMeterIT {

  private static final int METERS = 3;
  private static final Duration ASK = Duration.ofSeconds(30);
  private static final EventLoopGroup group = new NioEventLoopGroup(1);
  private static final Instant NOW = Instant.now();
  private static ManualClock clock;
  private static Fleet fleet;
  private static HeadEnd headEnd;

  @BeforeAll
  static void start() throws Exception {
    clock = new ManualClock(NOW);
    fleet = new Fleet(FleetConfig.listening(FleetTerms.defaults(11, NOW.minus(Duration.ofDays(2))), METERS), clock, group);
    fleet.start(false, line -> { });
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("dialled"), "adcs_dialled_it");
    Path provisioning = Path.of(env.get("ADCS_DATA_DIR")).resolve("meters.csv");
    StringBuilder lines = new StringBuilder("# logical device name, serial, LLS password, address of a listening meter\n");
    for (int i = 0; i < METERS; i++) {
      lines.append(fleet.meter(i).name()).append(',').append(fleet.meter(i).name()).append(',')
          .append(FleetTerms.DEFAULT_PASSWORD).append(",127.0.0.1:").append(fleet.listeningAddress(i).getPort()).append('\n');
    }
    Files.writeString(provisioning, lines);
    env.put("ADCS_METERS_PROVISIONING_FILE", provisioning.toString());
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00"); // the simulated meters keep UTC as standard time
    headEnd = HeadEnd.start(TestNodes.settings(env));
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
    if (fleet != null) {
      fleet.close();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  private static <T> T ask(String meterId, Function<ActorRef<T>, Meter.Command> command) throws Exception {
    CompletionStage<T> answer = headEnd.meters().meter(meterId).ask(command::apply, ASK);
    return answer.toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void everyListeningMeterIsDialledAtStartAndRegistersAsDialled() throws Exception {
    await(() -> headEnd.meterPort().connected().count() == METERS, "all listening meters dialled");
    for (int i = 0; i < METERS; i++) {
      String id = fleet.meter(i).name();
      MeterState state = DialledMeterIT.<MeterState>ask(id, Meter.GetStatus::new);
      assertEquals(ConnectionKind.HEAD_END_DIALS, state.registration().connection());
      assertEquals("127.0.0.1:" + fleet.listeningAddress(i).getPort(), state.registration().address());
    }
  }

  @Test
  void recoveryReadOfAMeterWhoseConnectionClosedDialsItAndReturnsYesterdayExactly() throws Exception {
    SimulatedMeter meter = fleet.meter(1);
    String id = meter.name();
    await(() -> headEnd.meterPort().connected().isConnected(id), "meter dialled at start");
    headEnd.meterPort().connected().connection(id).orElseThrow().close();
    await(() -> !headEnd.meterPort().connected().isConnected(id), "connection closed");

    LocalDate yesterday = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(1);
    Instant from = yesterday.atStartOfDay().toInstant(ZoneOffset.UTC);
    MeterRequests.ReadResult result = DialledMeterIT.<MeterRequests.ReadResult>ask(id, replyTo ->
        new Meter.ReadRange(from, from.plus(Duration.ofDays(1)), Source.RECOVERY, "test", replyTo));
    assertTrue(result.ok(), result.detail());
    assertEquals(96, result.intervalsReceived());
    assertEquals(Source.RECOVERY, result.intervals().source());

    long fromLocal = yesterday.toEpochDay() * MeterHistory.DAY_SECONDS;
    List<IntervalReading> truth = meter.intervals(fromLocal + 1, fromLocal + MeterHistory.DAY_SECONDS, clock.instant());
    ChannelDay imports = result.intervals().days().stream()
        .filter(d -> d.channel().equals("active-import") && d.day().equals(yesterday)).findFirst().orElseThrow();
    for (IntervalReading reading : truth) {
      int index = (int) ((reading.end().getEpochSecond() - fromLocal - 900) / 900);
      assertEquals(reading.importRaw(), imports.pulses()[index], "import interval " + index);
    }
    assertEquals(96, DialledMeterIT.<MeterState>ask(id, Meter.GetStatus::new).intervalsHeld("active-import", yesterday));
  }

  @Test
  void nonDefaultScheduleIsWrittenHeldByTheMeterAndVerified() throws Exception {
    SimulatedMeter meter = fleet.meter(0);
    String id = meter.name();
    await(() -> headEnd.meterPort().connected().isConnected(id), "meter dialled at start");
    ExtraSchedule peak = new ExtraSchedule("cpp-winter", LocalTime.of(17, 0), LocalTime.of(19, 0), Duration.ofMinutes(30),
        LocalDate.ofInstant(NOW, ZoneOffset.UTC), null, "operator:jdoe", "critical peak pricing", false);
    assertEquals(new Meter.Accepted(true), DialledMeterIT.<Meter.Reply>ask(id, replyTo -> new Meter.SetExtraSchedule(peak, replyTo)));
    MeterRequests.Outcome written = DialledMeterIT.<MeterRequests.Outcome>ask(id,
        replyTo -> new Meter.AwaitScheduleWrite("cpp-winter", replyTo));
    assertTrue(written.ok(), written.detail());
    assertEquals(5, meter.schedule(1).elements().size(), "17:00 to 19:00 every 30 minutes, in the meter's slot 1");

    MeterRequests.Outcome verified = DialledMeterIT.<MeterRequests.Outcome>ask(id,
        replyTo -> new Meter.VerifySchedule("cpp-winter", replyTo));
    assertTrue(verified.ok(), verified.detail());

    meter.setSchedule(1, org.adcs.protocol.axdr.DlmsData.Array.of()); // someone cleared it at the meter
    MeterRequests.Outcome differs = DialledMeterIT.<MeterRequests.Outcome>ask(id,
        replyTo -> new Meter.VerifySchedule("cpp-winter", replyTo));
    assertTrue(!differs.ok() && differs.detail().contains("[]"), differs.detail());
  }

  @Test
  void intervalLengthIsProgrammedInTheMeter_R_SCH_7() throws Exception {
    SimulatedMeter meter = fleet.meter(2);
    String id = meter.name();
    await(() -> headEnd.meterPort().connected().isConnected(id), "meter dialled at start");
    MeterRequests.Outcome programmed = DialledMeterIT.<MeterRequests.Outcome>ask(id,
        replyTo -> new Meter.SetIntervalLength(30, "operator:jdoe", replyTo));
    assertTrue(programmed.ok(), programmed.detail());
    assertEquals(30, meter.plan().minutesAt(Long.MAX_VALUE / 4), "the meter records every 30 minutes from now on");
    assertEquals(30, DialledMeterIT.<MeterState>ask(id, Meter.GetStatus::new).intervalMinutes());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(what, Duration.ofSeconds(60), condition::getAsBoolean);
  }
}
