package org.adcs.headend.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeFlag;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data retrieval and third-party access against a real node (H2 journal, the shared real Cassandra
 * node, data written through the bridge's MDM store): the same request in JSON, CSV and IEC 61968-9
 * XML gives the same values, checked value by value against what was stored (R-DAT-1, R-COL-6); a
 * third party gets only its meters (R-DAT-2); mailbox delivery and download; one-off and periodic
 * extracts land in the mailbox; the daily limit of on-demand reads of a real simulated meter (R-DAT-4);
 * every delivery audited.
 */
class DataRetrievalIT {

  private static final ZoneOffset METER_TIME = ZoneOffset.ofHours(-5);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final List<String> OWN = List.of("DATA0001", "DATA0002");
  private static final String FOREIGN = "DATA0003";
  // Paris leaves summer time on 27 October 2024: 26 and 27 October there are 24 + 25 hours.
  private static final LocalDate DST_FROM = LocalDate.of(2024, 10, 26);
  private static final LocalDate DST_TO = LocalDate.of(2024, 10, 28);
  private static final int READS_PER_DAY = 2;

  private static HeadEnd headEnd;
  private static ApiClient api;
  private static String operator;
  private static String esco;
  private static String otherParty;
  private static LocalDate today;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("data-retrieval"), "adcs_data_it");
    env.put("ADCS_METERS_STANDARD_TIME", "-05:00");
    env.put("ADCS_DATA_EXTRACT_CHECK", "1s");
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_DATA_ON_DEMAND_READS_PER_DAY", Integer.toString(READS_PER_DAY));
    // The party's request bucket (ApiSecurityIT tests it) must not decide these tests: every test here
    // calls as esco-data, and a slow machine runs them close enough together to empty a 20-request bucket.
    env.put("ADCS_API_THIRD_PARTY_LIMIT_BURST", "10000");
    headEnd = HeadEnd.start(TestNodes.settings(env));
    api = new ApiClient(headEnd.httpUrl());
    operator = api.tokenFor("data-operator", "operator");
    esco = api.tokenFor("esco-data", "third-party");
    otherParty = api.tokenFor("esco-other", "third-party");
    String admin = api.adminToken();
    assertEquals(200, api.send("PUT", "/api/v1/admin/parties/esco-data/meters", admin,
        "{\"meterIds\":[\"DATA0001\",\"DATA0002\"]}").statusCode());
    assertEquals(200, api.send("PUT", "/api/v1/admin/parties/esco-other/meters", admin,
        "{\"meterIds\":[\"DATA0003\"]}").statusCode());

    IntervalStore store = headEnd.bridge().store().intervals();
    today = LocalDate.now(METER_TIME);
    List<LocalDate> days = new ArrayList<>(List.of(DST_FROM.minusDays(1), DST_FROM, DST_FROM.plusDays(1)));
    for (int back = 2; back >= 0; back--) {
      days.add(today.minusDays(back));
    }
    for (String meter : List.of("DATA0001", "DATA0002", FOREIGN)) {
      for (LocalDate day : days) {
        store.writeValidated(validated(meter, day)).toCompletableFuture().get();
        store.writeRaw(raw(meter, day)).toCompletableFuture().get();
      }
    }
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  // ---- the data written: a value, status and flags per interval that differ by meter, day and interval

  private static long value(String meter, LocalDate day, int i) {
    return Long.parseLong(meter.substring(4)) * 10_000_000L + day.getDayOfYear() * 1_000L + i * 7L;
  }

  private static IntervalStatus status(int i) {
    return i % 17 == 5 ? IntervalStatus.ESTIMATED : i % 29 == 7 ? IntervalStatus.NEEDS_VERIFY : IntervalStatus.VALID;
  }

  private static int flags(int i) {
    return switch (status(i)) {
      case ESTIMATED -> VeeFlag.GAP.bit() | VeeFlag.ESTIMATED_LINEAR.bit();
      case NEEDS_VERIFY -> VeeFlag.SPIKE.bit();
      default -> 0;
    };
  }

  private static ReadingSource source(LocalDate day) {
    return day.getDayOfMonth() % 2 == 0 ? ReadingSource.SCHEDULED : ReadingSource.RECOVERY;
  }

  private static ValidatedDay validated(String meter, LocalDate day) {
    long[] values = new long[96];
    IntervalStatus[] status = new IntervalStatus[96];
    int[] flags = new int[96];
    for (int i = 0; i < 96; i++) {
      values[i] = value(meter, day, i);
      status[i] = status(i);
      flags[i] = flags(i);
    }
    Instant read = day.plusDays(1).atStartOfDay().toInstant(METER_TIME);
    return new ValidatedDay(new MeterId(meter), Channel.ACTIVE_IMPORT, day, 15, -3, values, status, flags, source(day),
        read, read.plusSeconds(5), 1);
  }

  /** Raw: the same values with every 10th interval missing. */
  private static IntervalDay raw(String meter, LocalDate day) {
    long[] values = new long[96];
    BitSet present = new BitSet();
    for (int i = 0; i < 96; i++) {
      values[i] = value(meter, day, i);
      if (i % 10 != 3) {
        present.set(i);
      }
    }
    return new IntervalDay(new MeterId(meter), Channel.ACTIVE_IMPORT, day, 15, -3, values, present, new int[96],
        source(day), day.plusDays(1).atStartOfDay().toInstant(METER_TIME), 1);
  }

  /** The validated rows a request for {@code meters} and whole days of {@code zone} must give, in order. */
  private static List<ReadingRow> expected(List<String> meters, LocalDate from, LocalDate to, ZoneId zone,
      boolean raw) {
    ReadingPeriod period = new ReadingPeriod(from, to, zone);
    List<ReadingRow> rows = new ArrayList<>();
    for (String meter : meters) {
      for (LocalDate day = period.firstMeterDay(METER_TIME); day.isBefore(period.endMeterDay(METER_TIME));
          day = day.plusDays(1)) {
        for (int i = 0; i < 96; i++) {
          Instant end = day.atStartOfDay().plusMinutes((i + 1) * 15L).toInstant(METER_TIME);
          if (!period.holds(end) || (raw && i % 10 == 3)) {
            continue;
          }
          rows.add(new ReadingRow(meter, "active-import",
              end.atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), BigDecimal.valueOf(value(meter, day, i), 3),
              "Wh", raw ? "" : status(i).code(), raw ? List.of() : VeeFlag.of(flags(i)).stream().map(Enum::name).toList(),
              source(day).name(), 15));
        }
      }
    }
    return rows;
  }

  private static HttpResponse<String> ok(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return r;
  }

  private static String readings(List<String> meters, String rest) {
    return "/api/v1/readings?meter=" + String.join(",", meters) + rest;
  }

  // ---- the tests

  @Test
  void theSameRequestInJsonCsvAndXmlGivesTheSameValuesAsStored() throws Exception {
    String path = readings(OWN, "&from=" + DST_FROM + "&to=" + DST_TO + "&zone=Europe/Paris&kind=validated");
    HttpResponse<String> json = ok(api.get(path, operator, "application/json"));
    HttpResponse<String> csv = ok(api.send("GET", path + "&format=csv", operator, null));
    HttpResponse<String> xml = ok(api.get(path, operator, "application/xml"));
    assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));

    List<ReadingRow> expected = expected(OWN, DST_FROM, DST_TO, PARIS, false);
    // Two meters, 24 + 25 hours of 15-minute intervals each in Paris time.
    assertEquals(2 * (96 + 100), expected.size());
    ReadingWritersTest.assertSameRows(expected, ReadingWritersTest.parseJson(json.body()));
    ReadingWritersTest.assertSameRows(expected, ReadingWritersTest.parseCsv(csv.body()));
    ReadingWritersTest.assertSameRows(expected, ReadingWritersTest.parseCim(xml.body()));
    assertTrue(expected.stream().anyMatch(r -> r.status().equals("EST") && r.flags().contains("GAP")));
    assertTrue(expected.stream().anyMatch(r -> r.end().endsWith("+02:00"))
        && expected.stream().anyMatch(r -> r.end().endsWith("+01:00")), "both sides of the change");

    // Raw data: gaps are left out, in every format alike.
    String rawPath = readings(OWN, "&from=" + DST_FROM + "&to=" + DST_TO + "&zone=Europe/Paris&kind=raw");
    List<ReadingRow> raw = expected(OWN, DST_FROM, DST_TO, PARIS, true);
    ReadingWritersTest.assertSameRows(raw, ReadingWritersTest.parseJson(ok(api.send("GET", rawPath + "&format=json", operator, null)).body()));
    ReadingWritersTest.assertSameRows(raw, ReadingWritersTest.parseCsv(ok(api.get(rawPath, operator, "text/csv")).body()));
    ReadingWritersTest.assertSameRows(raw, ReadingWritersTest.parseCim(
        ok(api.send("GET", rawPath + "&format=xml", operator, null)).body()));

    // Without a zone, the meters' standard time: exactly the stored days, 96 intervals each.
    List<ReadingRow> standard = ReadingWritersTest.parseCsv(ok(api.send("GET", readings(List.of("DATA0001"), "&from=" + DST_FROM
        + "&to=" + DST_TO + "&format=csv"), operator, null)).body());
    ReadingWritersTest.assertSameRows(expected(List.of("DATA0001"), DST_FROM, DST_TO, METER_TIME, false), standard);
    assertEquals(192, standard.size());
    assertTrue(standard.get(0).end().endsWith("-05:00"), standard.get(0).end());
  }

  @Test
  void badOrOversizedRequestsGetProblems() {
    assertProblem(api.send("GET", readings(OWN, "&from=2024-10-28&to=2024-10-26"), operator, null), 400);
    assertProblem(api.send("GET", readings(OWN, "&from=2024-10-26"), operator, null), 400);
    assertProblem(api.send("GET", readings(OWN, "&from=26.10.2024&to=2024-10-28"), operator, null), 400);
    assertProblem(api.send("GET", readings(OWN, "&from=2024-10-26&to=2024-10-28&zone=Mars/Base"),
        operator, null), 400);
    assertProblem(api.send("GET", readings(OWN, "&from=2024-10-26&to=2024-10-28&kind=cooked"),
        operator, null), 400);
    assertProblem(api.send("GET", readings(OWN, "&from=2024-10-26&to=2024-10-28&format=pdf"),
        operator, null), 400);
    assertProblem(api.get(readings(OWN, "&from=2024-10-26&to=2024-10-28"), operator, "image/png"), 406);
    assertProblem(api.send("GET", "/api/v1/readings?from=2024-10-26&to=2024-10-28", operator, null),
        400);
    // More days than one request may cover: 413, with the advice to split it or use an extract.
    HttpResponse<String> tooLong = api.send("GET", readings(OWN, "&from=2024-01-01&to=2024-03-01"), operator, null);
    assertProblem(tooLong, 413);
    assertTrue(tooLong.body().contains("extract"), tooLong.body());
    assertProblem(api.send("GET", readings(OWN, "&from=2024-10-26&to=2024-10-28&destination=ftp"),
        operator, null), 400);
  }

  @Test
  void aThirdPartyGetsOnlyItsOwnMetersIncludingYesterdaysData() {
    LocalDate yesterday = today.minusDays(1);
    List<ReadingRow> own = ReadingWritersTest.parseCsv(ok(api.send("GET", "/api/v1/readings/yesterday?meter=DATA0001,DATA0002&format=csv",
        esco, null)).body());
    ReadingWritersTest.assertSameRows(expected(OWN, yesterday, today, METER_TIME, false), own);
    assertEquals(2 * 96, own.size());
    ok(api.send("GET", readings(List.of("DATA0002"), "&from=" + DST_FROM + "&to=" + DST_TO), esco, null));

    assertProblem(api.send("GET", readings(List.of(FOREIGN), "&from=" + DST_FROM + "&to=" + DST_TO),
        esco, null), 403);
    assertProblem(api.send("GET", readings(List.of("DATA0001", FOREIGN), "&from=" + DST_FROM + "&to="
        + DST_TO), esco, null), 403);
    assertProblem(api.send("GET", "/api/v1/readings/yesterday?meter=" + FOREIGN, esco, null), 403);
    assertProblem(api.send("GET", "/api/v1/readings?from=" + DST_FROM + "&to=" + DST_TO, esco, null),
        403);
  }

  @Test
  void readingsDeliveredToTheMailboxAreTheSameFileOnlyItsPartyCanCollect() {
    String path = readings(OWN, "&from=" + DST_FROM + "&to=" + DST_TO + "&zone=Europe/Paris&format=csv");
    HttpResponse<String> accepted = api.send("GET", path + "&destination=mailbox", esco, null);
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonNode file = ApiClient.json(accepted);
    String id = file.get("id").asText();
    assertEquals("/api/v1/mailbox/" + id, accepted.headers().firstValue("Location").orElseThrow());

    JsonNode listing = ApiClient.json(ok(api.send("GET", "/api/v1/mailbox", esco, null)));
    assertEquals("esco-data", listing.get("party").asText());
    JsonNode listed = find(listing.get("files"), f -> f.get("id").asText().equals(id));
    assertEquals("csv", listed.get("format").asText());

    HttpResponse<String> download = ok(api.send("GET", "/api/v1/mailbox/" + id, esco, null));
    String direct = ok(api.send("GET", path, esco, null)).body();
    assertEquals(direct, download.body(), "the mailbox holds the same document as the response");
    assertEquals(listed.get("size").asLong(), download.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    ReadingWritersTest.assertSameRows(expected(OWN, DST_FROM, DST_TO, PARIS, false), ReadingWritersTest.parseCsv(download.body()));

    // Another party neither sees nor collects it; an operator may look into a party's mailbox.
    assertProblem(api.send("GET", "/api/v1/mailbox/" + id, otherParty, null), 404);
    assertProblem(api.send("GET", "/api/v1/mailbox?party=esco-data", otherParty, null), 403);
    assertFalse(ApiClient.json(ok(api.send("GET", "/api/v1/mailbox", otherParty, null))).get("files").toString()
        .contains(id));
    find(ApiClient.json(ok(api.send("GET", "/api/v1/mailbox?party=esco-data", operator, null))).get("files"),
        f -> f.get("id").asText().equals(id));
    assertProblem(api.send("GET", "/api/v1/mailbox/not-a-file", esco, null), 404);

    // The delivery is in the audit log with the meters and the bytes dispatched.
    awaitAudit(e -> e.get("method").asText().equals("DISPATCH") && e.get("path").asText().contains(id)
        && e.get("responseBytes").asLong() == listed.get("size").asLong()
        && e.get("meterIds").toString().contains("DATA0002"));
    // The direct answer's record counts the bytes streamed.
    long directBytes = direct.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    awaitAudit(e -> e.get("method").asText().equals("GET") && e.get("path").asText().startsWith("/api/v1/readings?")
        && !e.get("path").asText().contains("destination") && e.get("responseBytes").asLong() == directBytes);
  }

  @Test
  void oneOffAndPeriodicExtractsLandInTheMailbox() {
    HttpResponse<String> once = api.send("POST", "/api/v1/extracts", esco, "{\"schedule\":\"once\",\"from\":\""
        + DST_FROM + "\",\"to\":\"" + DST_TO + "\",\"zone\":\"Europe/Paris\",\"format\":\"xml\"}");
    assertEquals(201, once.statusCode(), once.body());
    String onceId = ApiClient.json(once).get("id").asText();
    JsonNode onceRun = awaitRun(onceId);
    assertFalse(onceRun.has("nextRun"), "a one-off extract runs once: " + onceRun);
    String xml = ok(api.send("GET", onceRun.get("lastFileHref").asText(), esco, null)).body();
    try {
      ReadingWritersTest.assertSameRows(expected(OWN, DST_FROM, DST_TO, PARIS, false), ReadingWritersTest.parseCim(xml));
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    HttpResponse<String> daily = api.send("POST", "/api/v1/extracts", esco,
        "{\"schedule\":\"daily\",\"format\":\"json\",\"meters\":[\"DATA0002\"]}");
    assertEquals(201, daily.statusCode(), daily.body());
    String dailyId = ApiClient.json(daily).get("id").asText();
    JsonNode dailyRun = awaitRun(dailyId);
    assertTrue(Instant.parse(dailyRun.get("nextRun").asText()).isAfter(Instant.now()), dailyRun.toString());
    String json = ok(api.send("GET", dailyRun.get("lastFileHref").asText(), esco, null)).body();
    LocalDate yesterday = LocalDate.ofInstant(Instant.parse(dailyRun.get("lastRun").asText()), METER_TIME).minusDays(1);
    ReadingWritersTest.assertSameRows(expected(List.of("DATA0002"), yesterday, yesterday.plusDays(1), METER_TIME, false),
        ReadingWritersTest.parseJson(json));

    JsonNode mine = ApiClient.json(ok(api.send("GET", "/api/v1/extracts", esco, null)));
    find(mine.get("extracts"), e -> e.get("id").asText().equals(onceId));
    find(mine.get("extracts"), e -> e.get("id").asText().equals(dailyId));
    assertProblem(api.send("GET", "/api/v1/extracts/" + dailyId, otherParty, null), 404);
    assertProblem(api.send("POST", "/api/v1/extracts", esco,
        "{\"schedule\":\"daily\",\"meters\":[\"" + FOREIGN + "\"]}"), 403);
    assertProblem(api.send("POST", "/api/v1/extracts", esco, "{\"schedule\":\"hourly\"}"), 400);
    assertProblem(api.send("POST", "/api/v1/extracts", esco, "{\"schedule\":\"once\"}"), 400);
    assertProblem(api.send("POST", "/api/v1/extracts", operator, "{\"schedule\":\"daily\"}"), 400);

    assertEquals(204, api.send("DELETE", "/api/v1/extracts/" + dailyId, esco, null).statusCode());
    assertProblem(api.send("GET", "/api/v1/extracts/" + dailyId, esco, null), 404);

    // Each run's delivery is audited with the amount dispatched.
    awaitAudit(e -> e.get("method").asText().equals("DISPATCH") && e.get("path").asText().contains("extract " + onceId)
        && e.get("responseBytes").asLong() == xml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  @Test
  void onDemandReadsBeyondThePartysDailyLimitAreRefusedAndOperatorsSeeTheUsage() throws Exception {
    // A real simulated meter dials in; the party reads it on demand over the meter network.
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(9, now.minus(Duration.ofDays(1)))
        .withOffset(METER_TIME), 1, headEnd.meterPort().address()), new ManualClock(now), group)) {
      fleet.start(false, line -> { });
      assertTrue(fleet.awaitConnected(1, Duration.ofSeconds(60)));
      String meter = fleet.meter(0).name();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!headEnd.meterPort().connected().isConnected(meter) && System.nanoTime() < deadline) {
        pause();
      }
      assertTrue(headEnd.meterPort().connected().isConnected(meter), meter + " identified");

      String party = api.tokenFor("esco-usage", "third-party");
      assertEquals(200, api.send("PUT", "/api/v1/admin/parties/esco-usage/meters", api.adminToken(),
          "{\"meterIds\":[\"" + meter + "\"]}").statusCode());
      for (int i = 0; i < READS_PER_DAY; i++) {
        HttpResponse<String> read = api.send("POST", "/api/v1/meters/" + meter + "/reads", party, null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(meter, ApiClient.json(read).get("meterId").asText());
      }
      HttpResponse<String> refused = api.send("POST", "/api/v1/meters/" + meter + "/reads", party, null);
      assertProblem(refused, 429);
      assertTrue(refused.headers().firstValue("Retry-After").isPresent());
      assertTrue(refused.body().contains("limit is " + READS_PER_DAY), refused.body());

      JsonNode usage = ApiClient.json(ok(api.send("GET", "/api/v1/parties/esco-usage/usage", operator, null)));
      assertEquals(READS_PER_DAY, usage.get("onDemandReads").asInt());
      assertEquals(READS_PER_DAY, usage.get("limit").asInt());
      assertEquals(0, usage.get("remaining").asInt());
      assertEquals(READS_PER_DAY, usage.get("days").get(0).get("onDemandReads").asInt());
      assertProblem(api.send("GET", "/api/v1/parties/esco-usage/usage", party, null), 403);
      // An operator's reads are not held to a party's limit.
      assertEquals(200, api.send("POST", "/api/v1/meters/" + meter + "/reads", operator, null).statusCode());
    } finally {
      group.shutdownGracefully();
    }
  }

  /** An RFC 7807 problem with this status. */
  private static void assertProblem(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
    assertEquals(status, ApiClient.json(r).get("status").asInt(), r.body());
  }

  private static JsonNode awaitRun(String extractId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = ApiClient.json(ok(api.send("GET", "/api/v1/extracts/" + extractId, esco, null)));
      if (last.has("lastFile")) {
        return last;
      }
      assertFalse(last.has("lastError"), last.toString());
      pause();
    }
    throw new AssertionError("extract " + extractId + " did not run in time: " + last);
  }

  private static void awaitAudit(Predicate<JsonNode> wanted) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode page = ApiClient.json(ok(api.send("GET", "/api/v1/audit?who=esco-data&limit=1000", operator, null)));
      for (JsonNode e : page.get("entries")) {
        if (wanted.test(e)) {
          return;
        }
      }
      pause();
    }
    throw new AssertionError("no such audit record for esco-data");
  }

  private static JsonNode find(JsonNode array, Predicate<JsonNode> wanted) {
    for (JsonNode item : array) {
      if (wanted.test(item)) {
        return item;
      }
    }
    throw new AssertionError("not found in " + array);
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
