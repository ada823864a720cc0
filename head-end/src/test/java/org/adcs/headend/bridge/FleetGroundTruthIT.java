package org.adcs.headend.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.journal.JournalSchema;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeFlag;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterEvent;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.MidnightRegisters;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's done-when: the real simulator's meters live through several days on a manual clock,
 * pushing each night's data and their events as they happen to a real head-end (meter port, journal,
 * projection, VEE, Cassandra). The store then holds exactly the meters' ground truth (R-COL-1,
 * R-COL-2, R-EV-2): every interval of both channels, every midnight register, every event, each
 * once; and replaying the projection from the start leaves every table as it was.
 */
class FleetGroundTruthIT {

  private static final int METERS = 300;
  private static final int DAYS = 3;
  private static final Channel EXPORT = new Channel("active-export", "Wh");
  private static final String KEYSPACE = "adcs_truth_it";

  @Test
  void severalDaysOfAFleetEndUpInTheStoreExactlyOnceAndAReplayChangesNothing() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("truth"), KEYSPACE);
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    // Days in the past: the meters' clocks are far from the head-end's, so it never corrects them.
    LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS + 2);
    Instant start = firstDay.atStartOfDay().toInstant(ZoneOffset.UTC);
    FleetTerms terms = FleetTerms.defaults(2026, start);
    ManualClock clock = new ManualClock(start.plusSeconds(1));
    EventLoopGroup group = new NioEventLoopGroup(1);
    Map<String, Long> offsets;
    String digest;
    long began = System.nanoTime();
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env));
        Fleet fleet = new Fleet(FleetConfig.dialling(terms, METERS, headEnd.meterPort().address()), clock, group)) {
      fleet.start(false, line -> { });
      assertTrue(fleet.awaitConnected(METERS, Duration.ofSeconds(90)));
      await(() -> headEnd.meterPort().connected().count() == METERS, "all meters identified");

      // Through the days until every meter has pushed the last one (default pushes run in the night).
      Instant end = firstDay.plusDays(DAYS).atTime(12, 0).toInstant(ZoneOffset.UTC);
      while (clock.instant().isBefore(end)) {
        clock.advance(Duration.ofMinutes(10));
        fleet.tick();
        TimeUnit.MILLISECONDS.sleep(15);
      }
      long lastLocal = firstDay.plusDays(DAYS).toEpochSecond(java.time.LocalTime.MIDNIGHT, ZoneOffset.UTC);
      await(() -> allPushed(fleet, lastLocal), "every meter pushed its days");
      TimeUnit.MILLISECONDS.sleep(500);

      int intervals = 0;
      int registers = 0;
      int events = 0;
      for (int i = 0; i < METERS; i++) {
        SimulatedMeter meter = fleet.meter(i);
        MeterId id = new MeterId(meter.name());
        for (int d = 0; d < DAYS; d++) {
          LocalDate day = firstDay.plusDays(d);
          await(() -> validated(headEnd, id, Channel.ACTIVE_IMPORT, day).isPresent()
              && validated(headEnd, id, EXPORT, day).isPresent(), meter.name() + " " + day + " stored");
          long fromLocal = day.toEpochDay() * MeterHistory.DAY_SECONDS;
          List<IntervalReading> truth = meter.intervals(fromLocal + 1, fromLocal + MeterHistory.DAY_SECONDS,
              clock.instant());
          assertEquals(96, truth.size(), meter.name() + " holds the whole of " + day);
          for (Channel channel : List.of(Channel.ACTIVE_IMPORT, EXPORT)) {
            List<ValidatedDay> versions = headEnd.bridge().store().intervals().versions(id, channel, day)
                .toCompletableFuture().join();
            assertEquals(1, versions.size(), meter.name() + " " + channel.name() + " " + day + " stored once");
            ValidatedDay stored = versions.get(0);
            boolean imports = channel.equals(Channel.ACTIVE_IMPORT);
            int scaler = imports ? meter.spec().importUnit().scaler() : meter.spec().exportUnit().scaler();
            for (IntervalReading reading : truth) {
              int index = (int) ((reading.end().getEpochSecond() - fromLocal - 900) / 900);
              assertEquals(engineering(imports ? reading.importRaw() : reading.exportRaw(), scaler),
                  engineering(stored.value(index), stored.scale()),
                  meter.name() + " " + channel.name() + " " + day + " interval " + index);
              assertTrue(!stored.has(index, VeeFlag.GAP), meter.name() + " " + day + " interval " + index + " arrived");
              intervals++;
            }
          }
        }
        for (MidnightRegisters midnight : meter.midnights(start.getEpochSecond() + 1, lastLocal, clock.instant())) {
          LocalDateTime at = LocalDateTime.ofInstant(midnight.midnight(), ZoneOffset.UTC);
          RegisterRead imports = register(headEnd, id, Channel.ACTIVE_IMPORT, at, meter.name());
          RegisterRead exports = register(headEnd, id, EXPORT, at, meter.name());
          assertEquals(engineering(midnight.importRaw(), meter.spec().importUnit().scaler()),
              engineering(imports.value(), imports.scale()), meter.name() + " import register at " + at);
          assertEquals(engineering(midnight.exportRaw(), meter.spec().exportUnit().scaler()),
              engineering(exports.value(), exports.scale()), meter.name() + " export register at " + at);
          registers += 2;
        }
        List<String> truthEvents = new ArrayList<>();
        for (MeterEvent e : meter.events(start.getEpochSecond() + 1, meter.eventsPushedUntilLocal(), clock.instant())) {
          truthEvents.add(LocalDateTime.ofInstant(e.time(), ZoneOffset.UTC) + "/" + e.code());
        }
        List<String> expected = truthEvents.stream().sorted().toList();
        LocalDateTime to = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        try {
          await(() -> storedEvents(headEnd, id, firstDay, to).equals(expected), meter.name() + " events " + expected);
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + ", stored " + storedEvents(headEnd, id, firstDay, to), e);
        }
        assertEquals(expected, storedEvents(headEnd, id, firstDay, to), meter.name() + " events, each once");
        events += truthEvents.size();
      }
      assertTrue(registers >= METERS * 2 * DAYS, "registers of every pushed midnight: " + registers);
      System.out.printf("ground truth: %d meters x %d days: %d intervals, %d registers, %d events stored exactly"
          + " once (%d s)%n", METERS, DAYS, intervals, registers, events,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
      offsets = offsets(headEnd.settings());
      digest = digest(headEnd);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    // Replay: the projection starts again from the start of the journal into the same store.
    HeadEndSettings settings = TestNodes.settings(env);
    try (Connection c = JournalSchema.connect(settings.journal())) {
      assertTrue(c.createStatement().executeUpdate("DELETE FROM \"projection_offset\"") > 0);
    }
    Map<String, String> again = new HashMap<>(env);
    again.put("ADCS_HTTP_PORT", Integer.toString(CassandraTestNode.freePort()));
    again.put("ADCS_CLUSTER_PORT", Integer.toString(CassandraTestNode.freePort()));
    again.put("ADCS_METER_PORT_PORT", Integer.toString(CassandraTestNode.freePort()));
    try (HeadEnd replayed = HeadEnd.start(TestNodes.settings(again))) {
      await(() -> offsets(replayed.settings()).equals(offsets), "the replay reached where the first run ended");
      assertEquals(digest, digest(replayed), "a replay leaves every table of the store as it was");
    }
  }

  private static List<String> storedEvents(HeadEnd headEnd, MeterId id, LocalDate from, LocalDateTime to) {
    return headEnd.bridge().store().events().events(id, from.atStartOfDay(), to).toCompletableFuture().join()
        .stream().map(e -> e.occurredAt() + "/" + e.code()).sorted().toList();
  }

  private static boolean allPushed(Fleet fleet, long untilLocal) {
    for (int i = 0; i < fleet.size(); i++) {
      if (fleet.meter(i).acknowledgedUntilLocal() < untilLocal) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Long> offsets(HeadEndSettings settings) {
    Map<String, Long> offsets = new TreeMap<>();
    try (Connection c = JournalSchema.connect(settings.journal());
        ResultSet rs = c.createStatement().executeQuery("SELECT \"projection\", \"tag\", \"offset\" FROM \"projection_offset\"")) {
      while (rs.next()) {
        offsets.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return offsets;
  }

  /** Every row of every table of the store's keyspace, sorted, hashed. */
  private static String digest(HeadEnd headEnd) throws Exception {
    CqlSession session = headEnd.bridge().store().db().session();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<String> tables = new ArrayList<>();
    session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", KEYSPACE)
        .forEach(r -> tables.add(r.getString(0)));
    TreeSet<String> sorted = new TreeSet<>(tables);
    // The nodes' up-time minutes (service-level reports, R-OPS-5) record the nodes running, not the
    // journal's data: every node adds a row a minute, replay or not.
    sorted.remove("node_uptime");
    int rows = 0;
    for (String table : sorted) {
      TreeSet<String> contents = new TreeSet<>();
      for (Row row : session.execute("SELECT * FROM " + KEYSPACE + "." + table)) {
        contents.add(row.getFormattedContents());
      }
      sha.update(table.getBytes());
      for (String row : contents) {
        sha.update(row.getBytes());
        rows++;
      }
    }
    System.out.printf("store digest over %d tables, %d rows%n", sorted.size(), rows);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static RegisterRead register(HeadEnd headEnd, MeterId id, Channel channel, LocalDateTime at, String name) {
    return headEnd.bridge().store().registers().readAt(id, channel, at).toCompletableFuture().join()
        .orElseThrow(() -> new AssertionError(name + " has no " + channel.name() + " register at " + at));
  }

  private static BigDecimal engineering(long value, int scale) {
    return BigDecimal.valueOf(value).scaleByPowerOfTen(scale).stripTrailingZeros();
  }

  private static java.util.Optional<ValidatedDay> validated(HeadEnd headEnd, MeterId meter, Channel channel,
      LocalDate day) {
    return headEnd.bridge().store().intervals().validatedAsOf(meter, channel, day, Long.MAX_VALUE)
        .toCompletableFuture().join();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(what, Duration.ofSeconds(120), condition::getAsBoolean);
  }
}
