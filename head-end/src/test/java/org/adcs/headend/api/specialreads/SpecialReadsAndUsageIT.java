package org.adcs.headend.api.specialreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeFlag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Special reads, reposting and usage history through the API of a real node (H2 journal, the shared
 * real Cassandra node; R-MD-2, R-MD-3, R-VEE-3): special reads checked by their kind's rules and
 * stored; a master-data sync that moves a service start after data was posted reposts the days gained
 * as new versions flagged adjusted beside the earlier ones, with the opening read moved; a supplier
 * switch releases the customer's history into both suppliers' mailboxes; usage history on request,
 * metered and unmetered.
 */
class SpecialReadsAndUsageIT {

  private static final String RUN = Long.toHexString(System.nanoTime());
  private static final String SOURCE = "cis-" + RUN;
  private static final String SDP = "SDP-A-" + RUN;
  private static final String LIGHTS = "SL-" + RUN;
  private static final MeterId METER = new MeterId("MA-" + RUN);
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final LocalDate START = TODAY.minusDays(40);
  /** Every stored day: 24 hourly intervals of 50 Wh. */
  private static final long DAY_WH = 24 * 50;
  private static final long OPENING = 100_000;

  private static HeadEnd headEnd;
  private static ApiClient api;
  private static String cis;
  private static String operator;
  private static String party;
  private static long sequence;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("specialreads"),
        "adcs_specialreads_api_it");
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    env.put("ADCS_MASTER_DATA_UNMETERED", "[{ sdp-id = \"" + LIGHTS + "\", channel = active-import, monthly = 31000 }]");
    headEnd = HeadEnd.start(TestNodes.settings(env));
    api = new ApiClient(headEnd.httpUrl());
    cis = api.tokenFor("sr-cis", "downstream-system");
    operator = api.tokenFor("sr-operator", "operator");
    party = api.tokenFor("sr-party", "third-party");
    // The meter's data as posted before any special read: 50 days up to yesterday, and the opening read.
    for (LocalDate d = TODAY.minusDays(50); d.isBefore(TODAY); d = d.plusDays(1)) {
      headEnd.bridge().store().intervals().writeValidated(day(d)).toCompletableFuture().get();
    }
    headEnd.bridge().store().registers().write(new RegisterRead(METER, Channel.ACTIVE_IMPORT, START.atStartOfDay(),
        OPENING, 0, ReadingSource.SCHEDULED, Instant.now(), 1)).toCompletableFuture().get();
    sync("FULL", record(SDP, METER.value(), "ACC-1", "SUP-OLD-" + RUN, START)
        + "," + record(LIGHTS, "UNMETERED-" + RUN, "ACC-CITY", "SUP-OLD-" + RUN, TODAY.minusDays(45)));
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  private static ValidatedDay day(LocalDate d) {
    long[] values = new long[24];
    Arrays.fill(values, 50);
    IntervalStatus[] status = new IntervalStatus[24];
    Arrays.fill(status, IntervalStatus.VALID);
    Instant posted = d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return new ValidatedDay(METER, Channel.ACTIVE_IMPORT, d, 60, 0, values, status, new int[24],
        ReadingSource.SCHEDULED, posted, posted, 1);
  }

  private static String record(String sdp, String meter, String account, String supplier, LocalDate from) {
    return "{\"sdpId\":\"" + sdp + "\",\"uniqueId\":\"U-" + sdp + "\",\"meter\":\"" + meter + "\",\"account\":\""
        + account + "\",\"billingAgent\":\"" + supplier + "\",\"channels\":[\"active-import\"],\"effectiveFrom\":\""
        + from.atStartOfDay().toInstant(ZoneOffset.UTC) + "\"}";
  }

  private static synchronized JsonNode sync(String kind, String records) {
    HttpResponse<String> r = api.send("POST", "/api/v1/master-data/syncs", cis, "{\"source\":\"" + SOURCE
        + "\",\"sequence\":" + ++sequence + ",\"kind\":\"" + kind + "\",\"effectiveAt\":\""
        + START.minusDays(60).atStartOfDay().toInstant(ZoneOffset.UTC) + "\",\"records\":[" + records + "]}");
    assertEquals(201, r.statusCode(), r.body());
    JsonNode report = ApiClient.json(r);
    assertEquals(0, report.get("exceptions").size(), r.body());
    return report;
  }

  private static String read(String kind, LocalDate at, String meter, long wh, String extra) {
    return "{\"sdpId\":\"" + SDP + "\",\"kind\":\"" + kind + "\",\"readAt\":\""
        + at.atStartOfDay().toInstant(ZoneOffset.UTC) + "\",\"meter\":\"" + meter
        + "\",\"registers\":{\"active-import\":" + wh + "}" + extra + "}";
  }

  private static void assertProblem(HttpResponse<String> r, int status, String detailPart) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
    assertTrue(ApiClient.json(r).get("detail").asText().contains(detailPart), r.body());
  }

  @Test
  void specialReadsAreCheckedByTheirKindAndStored() {
    LocalDate offCycle = TODAY.minusDays(20);
    HttpResponse<String> stored = api.send("POST", "/api/v1/special-reads", cis,
        read("off-cycle", offCycle, METER.value(), OPENING + 20 * DAY_WH, ""));
    assertEquals(201, stored.statusCode(), stored.body());
    assertEquals("off-cycle", ApiClient.json(stored).get("kind").asText());

    assertProblem(api.send("POST", "/api/v1/special-reads", cis,
        read("off-cycle", offCycle.plusDays(1), "OTHER-METER", OPENING + 21 * DAY_WH, "")), 422,
        "names meter OTHER-METER but service point " + SDP + " has meter " + METER.value());
    assertProblem(api.send("POST", "/api/v1/special-reads", cis,
        read("tariff-change", offCycle.plusDays(1), METER.value(), OPENING + 21 * DAY_WH, "")), 422,
        "must name the new tariff");
    assertProblem(api.send("POST", "/api/v1/special-reads", cis,
        read("off-cycle", offCycle.plusDays(2), METER.value(), OPENING, "")), 422, "below");
    assertProblem(api.send("POST", "/api/v1/special-reads", cis,
        read("change-out", offCycle.plusDays(2), METER.value(), OPENING + 22 * DAY_WH, "")), 422,
        "needs both the removal read and the installation read");
    assertProblem(api.send("POST", "/api/v1/special-reads", cis,
        read("meter-swap", offCycle, METER.value(), 1, "")), 400, "kind must be one of");
    assertProblem(api.send("POST", "/api/v1/special-reads", cis,
        read("off-cycle", offCycle, METER.value(), 1, ",\"colour\":\"red\"")), 400, "unknown field");
    HttpResponse<String> tariff = api.send("POST", "/api/v1/special-reads", operator,
        read("tariff-change", offCycle.plusDays(3), METER.value(), OPENING + 23 * DAY_WH, ",\"newValue\":\"TOU-2\""));
    assertEquals(201, tariff.statusCode(), tariff.body());
    assertEquals(403, api.send("POST", "/api/v1/special-reads", party,
        read("off-cycle", offCycle, METER.value(), 1, "")).statusCode());

    JsonNode listed = ApiClient.json(api.send("GET", "/api/v1/special-reads?sdpId=" + SDP, operator, null));
    assertEquals(2, listed.get("count").asInt());
    assertEquals(List.of("off-cycle", "tariff-change"), listed.get("reads").findValues("kind").stream()
        .map(JsonNode::asText).toList());
    assertEquals("TOU-2", listed.get("reads").get(1).get("newValue").asText());
    assertProblem(api.send("GET", "/api/v1/special-reads", operator, null), 400, "sdpId");
    assertProblem(api.send("GET", "/api/v1/special-reads?sdpId=" + SDP + "&from=yesterday", operator, null), 400,
        "ISO-8601");
  }

  @Test
  void anEarlierServiceStartRepostsTheGainedDaysAndMovesTheOpeningRead() throws Exception {
    LocalDate newStart = START.minusDays(3);
    JsonNode report = sync("INCREMENTAL", record(SDP, METER.value(), "ACC-1", "SUP-OLD-" + RUN, newStart));
    assertEquals("changed", report.get("applied").get(0).get("action").asText());

    JsonNode reposts = ApiClient.json(api.send("GET", "/api/v1/special-reads/reposts?sdpId=" + SDP, cis, null));
    assertEquals(1, reposts.get("count").asInt(), reposts.toString());
    JsonNode repost = reposts.get("reposts").get(0);
    assertEquals("over-under-read", repost.get("reason").asText());
    assertEquals(START.toString(), repost.get("wasStart").asText());
    assertEquals(newStart.toString(), repost.get("nowStart").asText());
    List<String> reposted = new java.util.ArrayList<>();
    repost.get("repostedDays").forEach(d -> reposted.add(d.asText()));
    assertEquals(List.of(newStart.toString(), newStart.plusDays(1).toString(), newStart.plusDays(2).toString()),
        reposted);
    JsonNode opening = repost.get("openingRead");
    assertEquals(OPENING - 3 * DAY_WH, opening.get("value").asLong());
    assertTrue(opening.get("adjusted").asBoolean());
    assertFalse(opening.get("estimated").asBoolean());

    List<ValidatedDay> versions = headEnd.bridge().store().intervals().versions(METER, Channel.ACTIVE_IMPORT,
        newStart).toCompletableFuture().get();
    assertEquals(List.of("1.1", "1"), versions.stream().map(ValidatedDay::versionLabel).toList());
    assertEquals(java.util.Optional.of("over-under-read"), versions.get(0).adjustment());
    assertTrue(versions.get(0).has(0, VeeFlag.ADJUSTED));
    assertFalse(versions.get(1).has(0, VeeFlag.ADJUSTED));
    assertEquals(403, api.send("GET", "/api/v1/special-reads/reposts?sdpId=" + SDP, party, null).statusCode());
    assertProblem(api.send("GET", "/api/v1/special-reads/reposts?sdpId=" + SDP + "&limit=0", cis, null), 400,
        "limit");
  }

  @Test
  void aSupplierSwitchReleasesTheHistoryToBothSuppliersAndHistoryIsGivenOnRequest() {
    String oldSupplier = "SUP-OLD-" + RUN;
    String newSupplier = "SUP-NEW-" + RUN;
    LocalDate switchDay = TODAY.minusDays(10);
    sync("INCREMENTAL", record(SDP, METER.value(), "ACC-1", newSupplier, switchDay));
    for (String supplier : List.of(oldSupplier, newSupplier)) {
      JsonNode files = ApiClient.json(api.send("GET", "/api/v1/mailbox?party=" + supplier, operator, null))
          .get("files");
      assertTrue(files.findValuesAsText("name").stream().anyMatch(n -> n.startsWith("usage-" + SDP + "-")),
          supplier + ": " + files);
    }

    HttpResponse<String> response = api.send("GET", "/api/v1/usage-history/" + SDP + "?account=ACC-1&asOf="
        + TODAY, cis, null);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode history = ApiClient.json(response);
    JsonNode channel = history.get("channels").get(0);
    assertEquals("active-import", channel.get("channel").asText());
    long total = 0;
    int days = 0;
    for (JsonNode month : channel.get("months")) {
      total += month.get("total").asLong();
      days += month.get("days").asInt();
      assertEquals(50, month.get("demand").asInt(), month.toString()); // 50 Wh an hour: 50 W
    }
    LocalDate from = LocalDate.parse(history.get("from").asText());
    long served = TODAY.toEpochDay() - from.toEpochDay();
    assertEquals(served, days);
    assertEquals(served * DAY_WH, total);
    assertEquals(served, channel.get("intervals").size());
    assertTrue(channel.get("closingRead").isNull(), "no register read at the window's end was stored");
    assertFalse(ApiClient.json(api.send("GET", "/api/v1/usage-history/" + SDP + "?intervals=false", operator, null))
        .get("channels").get(0).has("intervals"));
    assertProblem(api.send("GET", "/api/v1/usage-history/" + SDP + "?account=ACC-NONE", cis, null), 404,
        "ACC-NONE");
    assertProblem(api.send("GET", "/api/v1/usage-history/NO-SUCH-" + RUN, cis, null), 404, "no service point");
    assertProblem(api.send("GET", "/api/v1/usage-history/" + SDP + "?asOf=june", cis, null), 400, "asOf");
    assertEquals(403, api.send("GET", "/api/v1/usage-history/" + SDP, party, null).statusCode());
  }

  @Test
  void anUnmeteredPointsHistoryIsItsFixedUsage() {
    JsonNode history = ApiClient.json(api.send("GET", "/api/v1/usage-history/" + LIGHTS + "?asOf=" + TODAY, operator,
        null));
    assertTrue(history.get("unmetered").asBoolean());
    assertEquals("ACC-CITY", history.get("account").asText());
    JsonNode months = history.get("channels").get(0).get("months");
    LocalDate first = TODAY.minusDays(45);
    long expected = 0;
    for (LocalDate d = first; d.isBefore(TODAY); d = d.plusDays(1)) {
      int length = YearMonth.from(d).lengthOfMonth();
      expected += 31000 / length + (d.getDayOfMonth() <= 31000 % length ? 1 : 0);
    }
    long total = 0;
    for (JsonNode m : months) {
      total += m.get("total").asLong();
      assertEquals("unmetered", m.get("reason").asText());
      assertTrue(m.get("demand").isNull());
    }
    assertEquals(expected, total);
  }
}
