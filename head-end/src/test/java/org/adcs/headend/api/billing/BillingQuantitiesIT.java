package org.adcs.headend.api.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing quantities through the API of a real node (H2 journal, the shared real Cassandra node;
 * master data through the API, validated days and register reads written through the bridge's store)
 * (R-MD-4): a billing agent pulls quantities, gets earlier versions back by version time, and a
 * billing cycle's run lands in its mailbox; everyone else gets a status, a 404 or a 403.
 */
class BillingQuantitiesIT {

  private static final String RUN = Long.toHexString(System.nanoTime());
  private static final ZoneOffset STANDARD = ZoneOffset.ofHours(-5);
  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  private static final Channel KWH = new Channel("active-import", "kWh");
  private static final String AGENT = "agent-" + RUN;
  /** Pulled requests use meter A (one of its days is reposted); the cycle uses meter B. */
  private static final String SDP_A = "SDP-A-" + RUN;
  private static final String SDP_B = "SDP-B-" + RUN;
  private static HeadEnd headEnd;
  private static ApiClient api;
  private static String cis;
  private static String agent;
  private static String otherParty;
  private static String operator;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("billing"),
        "adcs_billing_api_it");
    env.put("ADCS_METERS_STANDARD_TIME", "-05:00");
    headEnd = HeadEnd.start(TestNodes.settings(env));
    api = new ApiClient(headEnd.httpUrl());
    cis = api.tokenFor("cis-billing", "downstream-system");
    agent = api.tokenFor(AGENT, "third-party");
    otherParty = api.tokenFor("other-" + RUN, "third-party");
    operator = api.tokenFor("billing-operator", "operator");
    HttpResponse<String> sync = api.send("POST", "/api/v1/master-data/syncs", cis, "{\"source\":\"billing-" + RUN
        + "\",\"sequence\":1,\"kind\":\"INCREMENTAL\",\"effectiveAt\":\"2023-12-01T00:00:00Z\",\"records\":["
        + record(SDP_A, "MA-" + RUN) + "," + record(SDP_B, "MB-" + RUN) + "]}");
    assertEquals(201, sync.statusCode(), sync.body());
    // January 2024 (UTC-5, Toronto's winter time): 1 kWh each hour; a register read each midnight that agrees.
    MdmStore store = headEnd.bridge().store();
    for (String meter : new String[] {"MA-" + RUN, "MB-" + RUN}) {
      for (int d = 1; d <= 31; d++) {
        store.intervals().writeValidated(day(meter, LocalDate.of(2024, 1, d), IntervalStatus.VALID, 1))
            .toCompletableFuture().get();
      }
      for (int d = 0; d <= 31; d++) {
        var at = LocalDate.of(2024, 1, 1).plusDays(d).atStartOfDay();
        store.registers().write(new RegisterRead(new MeterId(meter), KWH, at, 1_000_000 + d * 24_000L, -3,
            ReadingSource.SCHEDULED, at.toInstant(STANDARD), 1)).toCompletableFuture().get();
      }
    }
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  private static String record(String sdp, String meter) {
    return "{\"sdpId\":\"" + sdp + "\",\"uniqueId\":\"U-" + sdp + "\",\"meter\":\"" + meter + "\",\"account\":\"ACC-"
        + sdp + "\",\"billingAgent\":\"" + AGENT + "\",\"channels\":[\"active-import\"],"
        + "\"effectiveFrom\":\"2023-12-01T00:00:00Z\"}";
  }

  private static ValidatedDay day(String meter, LocalDate day, IntervalStatus statusOf5, long version) {
    IntervalStatus[] status = new IntervalStatus[24];
    Arrays.fill(status, IntervalStatus.VALID);
    status[5] = statusOf5;
    long[] values = new long[24];
    Arrays.fill(values, 1000);
    Instant posted = Instant.parse("2024-02-01T00:00:00Z").plusSeconds(version);
    return new ValidatedDay(new MeterId(meter), KWH, day, 60, -3, values, status, new int[24], ReadingSource.SCHEDULED,
        posted, posted, version);
  }

  private static String local(int month, int day) {
    return LocalDate.of(2024, month, day).atStartOfDay(TORONTO).toInstant().toString();
  }

  private static String request(String id, String sdp, String framing, String extra) {
    return "{\"requestId\":\"" + id + "\",\"sdpId\":\"" + sdp + "\",\"periodStart\":\"" + local(1, 8)
        + "\",\"periodEnd\":\"" + local(1, 10) + "\",\"framing\":\"" + framing + "\"" + extra + "}";
  }

  private static JsonNode ok(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return ApiClient.json(r);
  }

  private static void assertProblem(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
  }

  @Test
  void theBillingAgentPullsQuantitiesAndGetsEarlierVersionsBack() throws Exception {
    String id = "pull-" + RUN;
    JsonNode first = ok(api.send("POST", "/api/v1/billing-quantities", agent, request(id, SDP_A, "hourly", "")));
    assertEquals(id, first.get("requestId").asText());
    assertTrue(first.get("complete").asBoolean(), first.toString());
    JsonNode part = first.get("parts").get(0);
    assertEquals("OK", part.get("status").asText());
    assertEquals("ACC-" + SDP_A, part.get("account").asText());
    // Two winter days, 24 local hours each, 1 kWh an hour.
    assertEquals(48, part.get("quantities").size());
    assertEquals("H24", part.get("quantities").get(23).get("bin").asText());
    assertEquals(0, BigDecimal.ONE.compareTo(part.get("quantities").get(23).get("value").decimalValue()));
    String firstVersion = first.get("versionTime").asText();

    // An interval of the 9th is reposted as needing verification: asked again, no quantities.
    headEnd.bridge().store().intervals().writeValidated(day("MA-" + RUN, LocalDate.of(2024, 1, 9),
        IntervalStatus.NEEDS_VERIFY, 2)).toCompletableFuture().get();
    JsonNode second = ok(api.send("POST", "/api/v1/billing-quantities", agent, request(id, SDP_A, "hourly", "")));
    assertFalse(second.get("complete").asBoolean());
    assertEquals("NVE_INTERVAL", second.get("parts").get(0).get("status").asText());
    assertTrue(Instant.parse(second.get("versionTime").asText()).isAfter(Instant.parse(firstVersion)));

    // The latest version, and the first one by its version time; nothing before it.
    assertEquals(second, ok(api.send("GET", "/api/v1/billing-quantities/" + id, agent, null)));
    assertEquals(first, ok(api.send("GET", "/api/v1/billing-quantities/" + id + "?asOf=" + firstVersion, operator,
        null)));
    assertProblem(api.send("GET", "/api/v1/billing-quantities/" + id + "?asOf="
        + Instant.parse(firstVersion).minusMillis(1), agent, null), 404);
    assertProblem(api.send("GET", "/api/v1/billing-quantities/" + id + "?asOf=yesterday", agent, null), 400);

    // Another party sees nothing of it, and asking for the point gets a status, no values.
    assertProblem(api.send("GET", "/api/v1/billing-quantities/" + id, otherParty, null), 404);
    JsonNode notAgent = ok(api.send("POST", "/api/v1/billing-quantities", otherParty,
        request("other-" + RUN, SDP_A, "periodic", "")));
    assertEquals("NOT_BILLING_AGENT", notAgent.get("parts").get(0).get("status").asText());
    assertEquals(0, notAgent.get("parts").get(0).get("quantities").size());

    // The CIS asks for the agent, with a framing change inside the period (periodic, then demand).
    JsonNode forAgent = ok(api.send("POST", "/api/v1/billing-quantities", cis, request("cis-" + RUN, SDP_B,
        "periodic", ",\"billingAgent\":\"" + AGENT + "\",\"framingChanges\":[{\"from\":\"" + local(1, 9)
            + "\",\"framing\":\"demand-60-block\"}]")));
    assertEquals(2, forAgent.get("parts").size());
    assertEquals(0, new BigDecimal("24").compareTo(forAgent.get("parts").get(0).get("quantities").get(0).get("value")
        .decimalValue()));
    assertEquals("max-demand", forAgent.get("parts").get(1).get("quantities").get(0).get("bin").asText());

    // A point never synchronised is inactive.
    assertEquals("INACTIVE_SERVICE_POINT", ok(api.send("POST", "/api/v1/billing-quantities", agent,
        request("none-" + RUN, "SDP-NONE-" + RUN, "periodic", ""))).get("parts").get(0).get("status").asText());

    // Refused input and roles.
    assertProblem(api.send("POST", "/api/v1/billing-quantities", cis, request("x", SDP_A, "periodic", "")), 400);
    assertProblem(api.send("POST", "/api/v1/billing-quantities", agent, request("x", SDP_A, "weekly", "")), 400);
    assertProblem(api.send("POST", "/api/v1/billing-quantities", agent, request("x", SDP_A, "periodic",
        ",\"billingAgent\":\"someone-else\"")), 403);
    assertProblem(api.send("POST", "/api/v1/billing-quantities", agent, "{\"requestId\":\"x\",\"sdpId\":\"" + SDP_A
        + "\",\"periodStart\":\"" + local(1, 10) + "\",\"periodEnd\":\"" + local(1, 8) + "\",\"framing\":\"hourly\"}"),
        400);
    assertProblem(api.send("POST", "/api/v1/billing-quantities", agent, request("x", SDP_A, "periodic",
        ",\"colour\":\"red\"")), 400);
    assertProblem(api.send("POST", "/api/v1/billing-quantities", operator, request("x", SDP_A, "periodic", "")), 403);
  }

  @Test
  void aBillingCycleRunPutsItsResponsesInTheAgentsMailbox() throws Exception {
    String cycle = "c-" + RUN;
    String body = "{\"dayOfMonth\":1,\"billingAgent\":\"" + AGENT + "\",\"servicePoints\":[\"" + SDP_B
        + "\"],\"framing\":\"time-of-use\"}";
    JsonNode saved = ok(api.send("PUT", "/api/v1/billing-cycles/" + cycle, cis, body));
    assertEquals(1, saved.get("dayOfMonth").asInt());
    assertTrue(saved.get("lastRun").isNull());
    assertEquals("time-of-use", ok(api.send("GET", "/api/v1/billing-cycles/" + cycle, agent, null)).get("framing")
        .asText());
    assertProblem(api.send("GET", "/api/v1/billing-cycles/" + cycle, otherParty, null), 404);
    assertProblem(api.send("PUT", "/api/v1/billing-cycles/" + cycle, otherParty, body.replace(",\"billingAgent\":\""
        + AGENT + "\"", "")), 403);
    assertProblem(api.send("PUT", "/api/v1/billing-cycles/" + cycle, cis, body.replace("\"dayOfMonth\":1",
        "\"dayOfMonth\":31")), 400);

    JsonNode run = ok(api.send("POST", "/api/v1/billing-cycles/" + cycle + "/runs?date=2024-02-01", cis, null));
    assertEquals(local(1, 1), run.get("periodStart").asText());
    assertEquals(local(2, 1), run.get("periodEnd").asText());
    assertEquals(1, run.get("responses").asInt());
    assertEquals(1, run.get("complete").asInt());
    assertEquals("2024-02-01", ok(api.send("GET", "/api/v1/billing-cycles/" + cycle, operator, null)).get("lastRun")
        .asText());

    String fileId = run.get("mailboxFile").get("id").asText();
    HttpResponse<String> file = api.send("GET", "/api/v1/mailbox/" + fileId, agent, null);
    assertEquals(200, file.statusCode(), file.body());
    JsonNode content = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.body());
    JsonNode response = content.get("responses").get(0);
    assertEquals("cycle-" + cycle + "-2024-02-01-" + SDP_B, response.get("requestId").asText());
    // January 2024: 23 weekdays (off-peak 18 h, mid-peak 4 h, on-peak 2 h a day) and 8 weekend days (24 h off-peak).
    BigDecimal offPeak = BigDecimal.ZERO;
    BigDecimal midPeak = BigDecimal.ZERO;
    BigDecimal onPeak = BigDecimal.ZERO;
    for (JsonNode q : response.get("parts").get(0).get("quantities")) {
      switch (q.get("bin").asText()) {
        case "off-peak" -> offPeak = offPeak.add(q.get("value").decimalValue());
        case "mid-peak" -> midPeak = midPeak.add(q.get("value").decimalValue());
        case "on-peak" -> onPeak = onPeak.add(q.get("value").decimalValue());
        default -> throw new AssertionError("unexpected bin " + q);
      }
    }
    assertEquals(0, new BigDecimal(23 * 18 + 8 * 24).compareTo(offPeak), offPeak.toString());
    assertEquals(0, new BigDecimal(23 * 4).compareTo(midPeak));
    assertEquals(0, new BigDecimal(23 * 2).compareTo(onPeak));
    // The run's response is stored as a pulled one is.
    assertEquals(response.get("versionTime").asText(), ok(api.send("GET", "/api/v1/billing-quantities/cycle-" + cycle
        + "-2024-02-01-" + SDP_B, agent, null)).get("versionTime").asText());
    assertProblem(api.send("GET", "/api/v1/mailbox/" + fileId, otherParty, null), 404);
    assertProblem(api.send("POST", "/api/v1/billing-cycles/no-such-" + RUN + "/runs", cis, null), 404);
    assertProblem(api.send("POST", "/api/v1/billing-cycles/" + cycle + "/runs?date=Feb", cis, null), 400);
    assertProblem(api.send("POST", "/api/v1/billing-cycles/" + cycle + "/runs", agent, null), 403);
  }
}
