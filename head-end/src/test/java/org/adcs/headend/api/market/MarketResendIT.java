package org.adcs.headend.api.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.billing.BillingCycle;
import org.adcs.mdm.billing.BillingStore;
import org.adcs.mdm.billing.Framing;
import org.adcs.mdm.market.CmepParser;
import org.adcs.mdm.market.CmepRecord;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resends through a real node (H2 journal, the shared real Cassandra node) (R-VEE-3, R-MD-5): a day
 * of two service points is delivered, one is corrected (version 2), then sent again by file name,
 * transaction number, posting date and period; each resend file holds the whole billing period (the
 * cycle's for the one in a billing cycle, a calendar month for the other) with the corrected values,
 * marked as a resend. A partial period is refused, and a third party cannot have another's postings
 * sent nor see its resends.
 */
class MarketResendIT {

  private static final String KEYSPACE = "adcs_resend_it";
  private static final String SUFFIX = Long.toHexString(System.nanoTime() % 0xffffff);
  private static final String SDP_R = "SDP-R-" + SUFFIX;
  private static final String SDP_S = "SDP-S-" + SUFFIX;
  private static final String METER_R = "MRR-" + SUFFIX;
  private static final String METER_S = "MRS-" + SUFFIX;
  private static final String PARTY_R = "esp-r-" + SUFFIX;
  private static final String PARTY_S = "esp-s-" + SUFFIX;
  /** SDP_R's billing cycle bills on this day of each month; SDP_S is in no cycle. */
  private static final int CYCLE_DAY = 15;

  private static HeadEnd headEnd;
  private static ApiClient api;
  private static String operator;
  private static String partyR;
  private static String partyS;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("resend"), KEYSPACE);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    env.put("ADCS_MARKET_DELIVERY_TIME", "00:00");
    env.put("ADCS_MARKET_PARTIES", "{" + PARTY_R + " = edi867, " + PARTY_S + " = cmep}");
    env.put("ADCS_MARKET_CHECK", "1h"); // the test runs deliveries itself
    headEnd = HeadEnd.start(TestNodes.settings(env));
    api = new ApiClient(headEnd.httpUrl());
    operator = api.tokenFor("resend-operator", "operator");
    partyR = api.tokenFor(PARTY_R, "third-party");
    partyS = api.tokenFor(PARTY_S, "third-party");
    // Both service points since 90 days ago; SDP_R in a billing cycle of PARTY_R.
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String since = now.minusSeconds(90L * 86_400).toString();
    HttpResponse<String> sync = api.send("POST", "/api/v1/master-data/syncs", operator, "{\"source\":\"cis-resend-"
        + SUFFIX + "\",\"sequence\":1,\"kind\":\"INCREMENTAL\",\"effectiveAt\":\"" + since + "\",\"records\":["
        + record(SDP_R, METER_R, PARTY_R, since) + "," + record(SDP_S, METER_S, PARTY_S, since) + "]}");
    assertEquals(201, sync.statusCode(), sync.body());
    new BillingStore(headEnd.bridge().store().db(), KEYSPACE).save(new BillingCycle("resend-" + SUFFIX, CYCLE_DAY,
        PARTY_R, List.of(SDP_R), Framing.parse("periodic"), Optional.of(today)), now).toCompletableFuture().join();
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  @Test
  void postedDataIsSentAgainForWholeBillingPeriodsByEachKindOfRequest() {
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate yesterday = today.minusDays(1);
    // Yesterday's data, posted just before today's cut-off (00:00), goes in today's file.
    Instant posted = today.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(60);
    write(validated(METER_R, yesterday, posted, 1, 0));
    write(validated(METER_S, yesterday, posted, 1, 0));
    JsonNode delivered = ApiClient.json(api.send("POST", "/api/v1/market/deliveries", operator, null))
        .get("delivered");
    assertEquals(2, delivered.size(), delivered.toString());
    String fileName = today.toString().replace("-", "") + "0000.dat";
    String original = content(partyR, fileId(delivered, PARTY_R));
    String[] header = original.substring(0, original.indexOf("\r\n")).split("\\|", -1);
    String transaction = header[6];
    assertTrue(transaction.matches(today.toString().replace("-", "") + "-[0-9a-f]{16}"), original);
    assertEquals("ORIGINAL", header[7]);

    // SDP_R's day is corrected after it was posted: resends carry the newest version.
    write(validated(METER_R, yesterday, Instant.now(), 2, 1000));
    LocalDate cycleStart = yesterday.withDayOfMonth(CYCLE_DAY).isAfter(yesterday)
        ? yesterday.withDayOfMonth(CYCLE_DAY).minusMonths(1) : yesterday.withDayOfMonth(CYCLE_DAY);
    LocalDate cycleEnd = cycleStart.plusMonths(1);
    String period = "{\"from\":\"" + cycleStart + "\",\"to\":\"" + cycleEnd + "\"}";
    List<HttpResponse<String>> accepted = List.of(
        api.send("POST", "/api/v1/market/resends", operator, "{\"party\":\"" + PARTY_R + "\",\"fileName\":\""
            + fileName + "\"}"),
        api.send("POST", "/api/v1/market/resends", partyR, "{\"transaction\":\"" + transaction + "\"}"),
        api.send("POST", "/api/v1/market/resends", operator, "{\"party\":\"" + PARTY_R + "\",\"postingDate\":\""
            + today + "\"}"),
        api.send("POST", "/api/v1/market/resends", partyR, "{\"period\":" + period + "}"));
    for (HttpResponse<String> response : accepted) {
      assertEquals(201, response.statusCode(), response.body());
      JsonNode outcome = ApiClient.json(response);
      assertEquals("DELIVERED", outcome.get("status").asText());
      JsonNode periods = outcome.get("periods");
      assertEquals(1, periods.size(), periods.toString());
      assertEquals(SDP_R, periods.get(0).get("servicePoint").asText());
      assertEquals(cycleStart.toString(), periods.get(0).get("from").asText());
      assertEquals(cycleEnd.toString(), periods.get(0).get("to").asText());

      String resent = content(partyR, outcome.get("fileId").asText());
      assertTrue(outcome.get("fileName").asText().matches("\\d{12}-resend-[0-9a-f]{6}\\.dat"), outcome.toString());
      List<String> lines = resent.lines().toList();
      String[] resentHeader = lines.get(0).split("\\|", -1);
      assertEquals(List.of("HDR", "867", PARTY_R, "RESEND"), List.of(resentHeader[0], resentHeader[1],
          resentHeader[3], resentHeader[7]));
      assertEquals(outcome.get("transaction").asText(), resentHeader[6]);
      assertNotEquals(transaction, resentHeader[6]);
      List<String> ptd = lines.stream().filter(l -> l.startsWith("PTD|")).toList();
      assertEquals(1, ptd.size(), "the one stored day of the period: " + resent);
      assertTrue(ptd.get(0).startsWith("PTD|" + SDP_R + "|" + METER_R + "|active-import|Wh|15|"), ptd.get(0));
      assertTrue(ptd.get(0).endsWith("|2"), "version 2: " + ptd.get(0));
      List<String[]> qty = lines.stream().filter(l -> l.startsWith("QTY|")).map(l -> l.split("\\|", -1)).toList();
      assertEquals(96, qty.size());
      for (int i = 0; i < 96; i++) {
        assertEquals(value(i, 1000), new BigDecimal(qty.get(i)[2]), "interval " + i);
      }
      assertTrue(!resent.contains(METER_S), "only esp-r's service point");
      // The outcome is kept; another party does not see it.
      String id = outcome.get("id").asText();
      assertEquals(response.headers().firstValue("Location").orElseThrow(), "/api/v1/market/resends/" + id);
      JsonNode kept = ApiClient.json(api.send("GET", "/api/v1/market/resends/" + id, partyR, null));
      assertEquals(outcome, kept);
      assertEquals(404, api.send("GET", "/api/v1/market/resends/" + id, partyS, null).statusCode());
    }

    // esp-s (no billing cycle: calendar months) gets its resend as CMEP records marked RESEND.
    HttpResponse<String> cmep = api.send("POST", "/api/v1/market/resends", partyS, "{\"fileName\":\"" + fileName
        + "\"}");
    assertEquals(201, cmep.statusCode(), cmep.body());
    JsonNode cmepOutcome = ApiClient.json(cmep);
    assertEquals(yesterday.withDayOfMonth(1).toString(), cmepOutcome.get("periods").get(0).get("from").asText());
    assertEquals(yesterday.withDayOfMonth(1).plusMonths(1).toString(),
        cmepOutcome.get("periods").get(0).get("to").asText());
    List<CmepRecord> records = CmepParser.parse(content(partyS, cmepOutcome.get("fileId").asText()));
    assertEquals(1, records.size());
    assertEquals("RESEND", records.get(0).purpose());
    assertEquals(SDP_S, records.get(0).customer());
    assertEquals(value(95, 0), records.get(0).readings().get(95).value());
  }

  @Test
  void partialPeriodsAndOtherPartiesPostingsAreRefused() {
    LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
    HttpResponse<String> partial = api.send("POST", "/api/v1/market/resends", operator,
        "{\"party\":\"" + PARTY_S + "\",\"period\":{\"from\":\"" + month.plusDays(1) + "\",\"to\":\""
            + month.plusMonths(1) + "\"}}");
    assertEquals(422, partial.statusCode(), partial.body());
    assertTrue(ApiClient.json(partial).get("detail").asText().contains("resends cover whole billing periods only"),
        partial.body());
    String refusedId = partial.headers().firstValue("Location").orElseThrow();
    JsonNode refused = ApiClient.json(api.send("GET", refusedId, operator, null));
    assertEquals("REFUSED", refused.get("status").asText());
    assertTrue(refused.get("reason").asText().contains("whole billing periods only"), refused.toString());

    // A third party asks only as itself, and finds none of another's postings.
    assertEquals(403, api.send("POST", "/api/v1/market/resends", partyS,
        "{\"party\":\"" + PARTY_R + "\",\"postingDate\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}").statusCode());
    HttpResponse<String> foreign = api.send("POST", "/api/v1/market/resends", partyS,
        "{\"transaction\":\"" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "-0000000000000000\"}");
    assertEquals(422, foreign.statusCode(), foreign.body());
    assertTrue(ApiClient.json(foreign).get("detail").asText().startsWith("no posting with transaction number"));

    // Input is checked: exactly one kind, valid dates, a configured party.
    assertEquals(400, api.send("POST", "/api/v1/market/resends", operator,
        "{\"party\":\"" + PARTY_R + "\",\"fileName\":\"x.dat\",\"postingDate\":\"2024-01-01\"}").statusCode());
    assertEquals(400, api.send("POST", "/api/v1/market/resends", operator,
        "{\"party\":\"" + PARTY_R + "\",\"postingDate\":\"yesterday\"}").statusCode());
    assertEquals(400, api.send("POST", "/api/v1/market/resends", operator, "{\"fileName\":\"x.dat\"}").statusCode());
    assertEquals(404, api.send("POST", "/api/v1/market/resends", operator,
        "{\"party\":\"nobody\",\"fileName\":\"x.dat\"}").statusCode());
    assertEquals(404, api.send("GET", "/api/v1/market/resends/not-an-id", operator, null).statusCode());
  }

  private static void write(ValidatedDay day) {
    headEnd.bridge().store().intervals().writeValidated(day).toCompletableFuture().join();
  }

  private static String record(String sdp, String meter, String agent, String since) {
    return "{\"sdpId\":\"" + sdp + "\",\"uniqueId\":\"U-" + sdp + "\",\"meter\":\"" + meter + "\",\"account\":\"ACC-"
        + sdp + "\",\"billingAgent\":\"" + agent + "\",\"channels\":[\"active-import\"],\"effectiveFrom\":\"" + since
        + "\"}";
  }

  /** Interval i holds ((i + 1) * 10 + 5 + offset) thousandths of a Wh. */
  private static BigDecimal value(int i, long offset) {
    return BigDecimal.valueOf((i + 1) * 10L + 5 + offset, 3);
  }

  private static ValidatedDay validated(String meter, LocalDate day, Instant postedAt, long version, long offset) {
    long[] values = new long[96];
    IntervalStatus[] status = new IntervalStatus[96];
    int[] flags = new int[96];
    for (int i = 0; i < 96; i++) {
      values[i] = (i + 1) * 10L + 5 + offset;
      status[i] = IntervalStatus.VALID;
    }
    return new ValidatedDay(new MeterId(meter), Channel.ACTIVE_IMPORT, day, 15, -3, values, status, flags,
        ReadingSource.SCHEDULED, postedAt.minusSeconds(60), postedAt, version);
  }

  private static String content(String token, String fileId) {
    HttpResponse<String> file = api.send("GET", "/api/v1/mailbox/" + fileId, token, null);
    assertEquals(200, file.statusCode(), file.body());
    return file.body();
  }

  private static String fileId(JsonNode delivered, String party) {
    for (JsonNode d : delivered) {
      if (d.get("party").asText().equals(party)) {
        return d.get("fileId").asText();
      }
    }
    throw new AssertionError("no file delivered to " + party + ": " + delivered);
  }
}
