package org.adcs.headend.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.api.PickupRoutes;
import org.adcs.headend.journal.JournalSchema;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.simulator.field.FieldDump;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.IntervalPlan;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterEvent;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.MeterSpec;
import org.adcs.simulator.meter.MidnightRegisters;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's field pickup round trip (R-FLD-1, R-FLD-2) against the real system: simulated meters
 * registered over the meter port, the H2 journal, the projection into the shared Cassandra node,
 * the HTTP API with real tokens. An operator issues a pickup request; a field tool lists it and
 * uploads the meter's memory dump as the simulator's field-dump command writes it; the request is
 * closed and the store holds the meter's whole memory with source FIELD, value by value as the
 * simulator's ground truth has it. A dump with one byte changed, another meter's dump and a second
 * upload for the closed request are refused and add nothing to the meter's journal; third parties
 * and downstream systems can neither list nor upload.
 */
class FieldPickupIT {

  private static final String KEYSPACE = "adcs_field_it";
  private static final Channel EXPORT = new Channel("active-export", "Wh");
  private static final String OCTETS = "application/octet-stream";

  @Test
  void aFieldUploadRoundTripStoresTheWholeMemoryWithSourceFieldAndTamperedOrForeignDumpsStoreNothing() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("field"), KEYSPACE);
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    // The meters live two days ago: their clocks are far from the head-end's, so it never corrects them.
    Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC);
    FleetTerms terms = FleetTerms.defaults(2027, start);
    ManualClock clock = new ManualClock(start.plusSeconds(1));
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env));
        Fleet fleet = new Fleet(FleetConfig.dialling(terms, 2, headEnd.meterPort().address()), clock, group)) {
      fleet.start(false, line -> { });
      assertTrue(fleet.awaitConnected(2, Duration.ofSeconds(90)));
      await(() -> headEnd.meterPort().connected().count() == 2, "both meters identified");
      String meter = fleet.meter(0).name();
      String other = fleet.meter(1).name();

      ApiClient api = new ApiClient(headEnd.httpUrl());
      String operator = api.tokenFor("field-it-operator", "operator");
      String fieldTool = api.tokenFor("field-it-tool", "field-tool");
      String downstream = api.tokenFor("field-it-mdm", "downstream-system");
      String thirdParty = api.tokenFor("field-it-esco", "third-party");

      // R-FLD-1: an operator issues the work order; issuing again returns the open one.
      HttpResponse<String> issued = api.send("POST", "/api/v1/pickup-requests", operator,
          "{\"meterId\":\"" + meter + "\",\"reason\":\"cellular module silent since Tuesday\"}");
      assertEquals(201, issued.statusCode(), issued.body());
      JsonNode request = ApiClient.json(issued);
      long id = request.get("id").asLong();
      assertEquals("/api/v1/pickup-requests/" + id, issued.headers().firstValue("Location").orElseThrow());
      assertEquals("open", request.get("status").asText());
      assertEquals("operator", request.get("origin").get("type").asText());
      assertEquals("field-it-operator", request.get("origin").get("operator").asText());
      HttpResponse<String> again = api.send("POST", "/api/v1/pickup-requests", operator,
          "{\"meterId\":\"" + meter + "\",\"reason\":\"again\"}");
      assertEquals(200, again.statusCode(), again.body());
      assertEquals(id, ApiClient.json(again).get("id").asLong(), "one open request per meter");
      problem(api.send("POST", "/api/v1/pickup-requests", operator, "{\"meterId\":\"NO-SUCH-METER\",\"reason\":\"x\"}"), 404);
      problem(api.send("POST", "/api/v1/pickup-requests", operator, "{\"meterId\":\"" + meter + "\"}"), 400);
      problem(api.send("POST", "/api/v1/pickup-requests", operator,
          "{\"meterId\":\"" + meter + "\",\"reason\":\"x\",\"crew\":\"B\"}"), 400);
      problem(api.send("POST", "/api/v1/pickup-requests", fieldTool, "{\"meterId\":\"" + meter + "\",\"reason\":\"x\"}"), 403);

      // The field tool's work list.
      JsonNode list = ApiClient.json(ok(api.send("GET", "/api/v1/pickup-requests?meter=" + meter, fieldTool, null)));
      assertEquals(1, list.get("total").asInt());
      assertEquals(id, list.get("requests").get(0).get("id").asLong());
      assertEquals("open", ApiClient.json(ok(api.send("GET", "/api/v1/pickup-requests/" + id, fieldTool, null)))
          .get("status").asText());
      problem(api.send("GET", "/api/v1/pickup-requests?status=sideways", fieldTool, null), 400);
      problem(api.send("GET", "/api/v1/pickup-requests/99999", fieldTool, null), 404);
      problem(api.send("GET", "/api/v1/pickup-requests/abc", fieldTool, null), 400);

      // The field tool downloads the meter as the simulator's field-dump command does.
      SimulatedMeter dumped = standalone(terms, 0);
      byte[] dump = FieldDump.write(dumped, clock.instant());
      byte[] foreign = FieldDump.write(standalone(terms, 1), clock.instant());
      byte[] tampered = dump.clone();
      tampered[tampered.length / 2] ^= 0x04;

      // Not theirs: third parties and downstream systems neither list nor upload.
      String dumpPath = "/api/v1/pickup-requests/" + id + "/dump";
      for (String outsider : List.of(downstream, thirdParty)) {
        problem(api.send("GET", "/api/v1/pickup-requests", outsider, null), 403);
        problem(api.send("GET", "/api/v1/pickup-requests/" + id, outsider, null), 403);
        problem(api.sendBytes("POST", dumpPath, outsider, OCTETS, dump), 403);
      }

      long journalBefore = journalEvents(headEnd, meter);
      JsonNode damaged = problem(api.sendBytes("POST", dumpPath, fieldTool, OCTETS, tampered), 422);
      assertTrue(damaged.get("detail").asText().contains("checksum"), damaged.toString());
      JsonNode wrongMeter = problem(api.sendBytes("POST", dumpPath, fieldTool, OCTETS, foreign), 422);
      assertTrue(wrongMeter.get("detail").asText().contains(other), wrongMeter.toString());
      problem(api.sendBytes("POST", dumpPath, fieldTool, "application/json", dump), 415);
      problem(api.sendBytes("POST", dumpPath, fieldTool, OCTETS, new byte[PickupRoutes.MAX_DUMP_BYTES + 1]), 413);
      assertEquals(journalBefore, journalEvents(headEnd, meter), "refused dumps add nothing to the meter's journal");
      assertEquals("open", ApiClient.json(ok(api.send("GET", "/api/v1/pickup-requests/" + id, fieldTool, null)))
          .get("status").asText(), "a refused dump leaves the request open");

      // R-FLD-2: the upload is stored and closes the request.
      JsonNode stored = ApiClient.json(ok(api.sendBytes("POST", dumpPath, fieldTool, OCTETS, dump)));
      assertEquals("closed", stored.get("request").get("status").asText());
      assertEquals("FIELD", stored.get("stored").get("source").asText());
      assertTrue(stored.get("stored").get("new").asBoolean());
      long journalAfter = journalEvents(headEnd, meter);
      assertTrue(journalAfter > journalBefore, "the dump is in the meter's journal");
      assertEquals(0, ApiClient.json(ok(api.send("GET", "/api/v1/pickup-requests?meter=" + meter, fieldTool, null)))
          .get("total").asInt(), "no open request for the meter any more");
      JsonNode closed = ApiClient.json(ok(api.send("GET", "/api/v1/pickup-requests?status=closed&meter=" + meter, operator, null)));
      assertEquals(id, closed.get("requests").get(0).get("id").asLong());
      assertTrue(closed.get("requests").get(0).get("closed").isTextual());

      // Again for the closed request: refused, nothing stored twice.
      JsonNode twice = problem(api.sendBytes("POST", dumpPath, fieldTool, OCTETS, dump), 409);
      assertTrue(twice.get("detail").asText().contains("closed"), twice.toString());
      assertEquals(journalAfter, journalEvents(headEnd, meter), "a second upload adds nothing");

      // The store holds the meter's memory as the simulator has it, with source FIELD.
      Instant now = clock.instant();
      long nowLocal = dumped.nowLocal(now);
      long firstDay = Math.floorDiv(dumped.memoryStartLocal(nowLocal), MeterHistory.DAY_SECONDS);
      long lastFullDay = Math.floorDiv(nowLocal, MeterHistory.DAY_SECONDS) - 1;
      MeterId id0 = new MeterId(meter);
      int intervals = 0;
      for (long epochDay = firstDay; epochDay <= lastFullDay; epochDay++) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        long fromLocal = epochDay * MeterHistory.DAY_SECONDS;
        List<IntervalReading> truth = dumped.intervals(fromLocal + 1, fromLocal + MeterHistory.DAY_SECONDS, now);
        assertEquals(96, truth.size(), meter + " holds the whole of " + day);
        for (Channel channel : List.of(Channel.ACTIVE_IMPORT, EXPORT)) {
          await(() -> validated(headEnd, id0, channel, day).isPresent(), meter + " " + channel.name() + " " + day + " stored");
          ValidatedDay stored0 = validated(headEnd, id0, channel, day).orElseThrow();
          assertEquals(ReadingSource.FIELD, stored0.source(), day + " " + channel.name());
          boolean imports = channel.equals(Channel.ACTIVE_IMPORT);
          int scaler = imports ? dumped.spec().importUnit().scaler() : dumped.spec().exportUnit().scaler();
          for (IntervalReading reading : truth) {
            int index = (int) ((reading.end().getEpochSecond() - fromLocal - 900) / 900);
            assertEquals(engineering(imports ? reading.importRaw() : reading.exportRaw(), scaler),
                engineering(stored0.value(index), stored0.scale()), meter + " " + channel.name() + " " + day + " interval " + index);
            intervals++;
          }
        }
      }
      assertTrue(intervals >= 2 * 96 * 40, "at least 40 days of both channels checked: " + intervals);
      int registers = 0;
      for (MidnightRegisters midnight : dumped.midnights(firstDay * MeterHistory.DAY_SECONDS, nowLocal, now)) {
        LocalDateTime at = LocalDateTime.ofInstant(midnight.midnight(), ZoneOffset.UTC);
        await(() -> register(headEnd, id0, EXPORT, at).isPresent(), meter + " export register at " + at);
        RegisterRead imports = register(headEnd, id0, Channel.ACTIVE_IMPORT, at).orElseThrow();
        RegisterRead exports = register(headEnd, id0, EXPORT, at).orElseThrow();
        assertEquals(ReadingSource.FIELD, imports.source());
        assertEquals(engineering(midnight.importRaw(), dumped.spec().importUnit().scaler()),
            engineering(imports.value(), imports.scale()), meter + " import register at " + at);
        assertEquals(engineering(midnight.exportRaw(), dumped.spec().exportUnit().scaler()),
            engineering(exports.value(), exports.scale()), meter + " export register at " + at);
        registers += 2;
      }
      assertTrue(registers >= 2 * 40, "registers of every midnight in memory: " + registers);
      LocalDateTime from = LocalDate.ofEpochDay(firstDay).atStartOfDay();
      LocalDateTime to = LocalDateTime.ofInstant(now, ZoneOffset.UTC).plusDays(1);
      List<MeterEvent> truthEvents = dumped.events(firstDay * MeterHistory.DAY_SECONDS, nowLocal, now);
      Map<String, ReadingSource> expected = new HashMap<>();
      truthEvents.forEach(e -> expected.put(LocalDateTime.ofInstant(e.time(), ZoneOffset.UTC) + "/" + e.code(), ReadingSource.FIELD));
      await(() -> storedEvents(headEnd, id0, from, to).keySet().containsAll(expected.keySet()), meter + " events " + expected.keySet());
      Map<String, ReadingSource> events = storedEvents(headEnd, id0, from, to);
      MeterEvent download = truthEvents.get(truthEvents.size() - 1);
      assertEquals(234, download.code(), "the meter logged the download last");
      assertEquals(ReadingSource.FIELD, events.get(LocalDateTime.ofInstant(download.time(), ZoneOffset.UTC) + "/234"),
          "an event only the dump carries is stored with source FIELD");
      events.forEach((key, source) -> assertTrue(source != ReadingSource.FIELD || expected.containsKey(key),
          "every FIELD event is one the meter holds: " + key));
      assertTrue(journalEvents(headEnd, other) > 0, "the other meter registered");
      assertEquals(Optional.empty(), validated(headEnd, new MeterId(other), Channel.ACTIVE_IMPORT, LocalDate.ofEpochDay(firstDay)),
          "nothing of the foreign dump reached the store");
      System.out.printf("field pickup: %d bytes dumped, %d intervals, %d registers, %d events stored with source FIELD%n",
          dump.length, intervals, registers, truthEvents.size());
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /** The meter as the field tool finds it: the same memory, not connected to anything. */
  private static SimulatedMeter standalone(FleetTerms terms, int index) {
    return new SimulatedMeter(MeterSpec.of(terms, index), terms, new IntervalPlan(terms.intervalMinutes()));
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return response;
  }

  private static JsonNode problem(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        response.headers().toString());
    JsonNode body = ApiClient.json(response);
    assertEquals(status, body.get("status").asInt());
    return body;
  }

  private static long journalEvents(HeadEnd headEnd, String meterId) throws Exception {
    try (Connection c = JournalSchema.connect(headEnd.settings().journal());
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM \"event_journal\" WHERE \"persistence_id\" = ?")) {
      s.setString(1, "Meter|" + meterId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Optional<ValidatedDay> validated(HeadEnd headEnd, MeterId meter, Channel channel, LocalDate day) {
    return headEnd.bridge().store().intervals().validatedAsOf(meter, channel, day, Long.MAX_VALUE).toCompletableFuture().join();
  }

  private static Optional<RegisterRead> register(HeadEnd headEnd, MeterId meter, Channel channel, LocalDateTime at) {
    return headEnd.bridge().store().registers().readAt(meter, channel, at).toCompletableFuture().join();
  }

  private static Map<String, ReadingSource> storedEvents(HeadEnd headEnd, MeterId meter, LocalDateTime from, LocalDateTime to) {
    Map<String, ReadingSource> out = new HashMap<>();
    headEnd.bridge().store().events().events(meter, from, to).toCompletableFuture().join()
        .forEach(e -> out.put(e.occurredAt() + "/" + e.code(), e.source()));
    return out;
  }

  private static BigDecimal engineering(long value, int scale) {
    return BigDecimal.valueOf(value).scaleByPowerOfTen(scale).stripTrailingZeros();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(what, Duration.ofSeconds(120), condition::getAsBoolean);
  }
}
