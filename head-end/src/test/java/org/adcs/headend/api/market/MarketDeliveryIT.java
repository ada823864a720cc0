package org.adcs.headend.api.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.mailbox.MailboxFile;
import org.adcs.mdm.mailbox.MailboxStore;
import org.adcs.mdm.market.CmepParser;
import org.adcs.mdm.market.CmepRecord;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeFlag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Market delivery through a real node (H2 journal, the shared real Cassandra node) (R-MD-5, R-OPS-1,
 * R-OPS-2): master data names two parties as billing agents of one meter each, validated days are
 * posted to the store, the daily run is triggered over the API (its clock moved a day on, as a day
 * passes), and each party collects its own file in its own format from its mailbox; neither can list
 * or fetch the other's; an archived file is listed only on request; the reports show the days.
 */
class MarketDeliveryIT {

  private static final String KEYSPACE = "adcs_market_it";
  private static final String SOURCE = "cis-market-" + Long.toHexString(System.nanoTime());
  private static final String SUFFIX = Long.toHexString(System.nanoTime() % 0xffffff);
  private static final String METER_A = "MKA-" + SUFFIX;
  private static final String METER_B = "MKB-" + SUFFIX;

  private static final MovingClock clock = new MovingClock();
  private static HeadEnd headEnd;
  private static ApiClient api;
  private static String operator;
  private static String partyA;
  private static String partyB;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("market"), KEYSPACE);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    env.put("ADCS_MARKET_DELIVERY_TIME", "00:00");
    env.put("ADCS_MARKET_PARTIES", "{esp-a = cmep, esp-b = edi867}");
    env.put("ADCS_MARKET_CHECK", "1h"); // the test runs deliveries itself
    env.put("ADCS_MARKET_LATE_AFTER", "1d");
    headEnd = HeadEnd.start(TestNodes.settings(env), clock);
    api = new ApiClient(headEnd.httpUrl());
    operator = api.tokenFor("market-operator", "operator");
    partyA = api.tokenFor("esp-a", "third-party");
    partyB = api.tokenFor("esp-b", "third-party");
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  @Test
  void eachPartyCollectsItsOwnDailyFileInItsFormatAndNothingElse() {
    Instant now = Instant.now();
    String since = now.minus(Duration.ofDays(30)).toString();
    HttpResponse<String> sync = api.send("POST", "/api/v1/master-data/syncs", operator, "{\"source\":\"" + SOURCE
        + "\",\"sequence\":1,\"kind\":\"INCREMENTAL\",\"effectiveAt\":\"" + since + "\",\"records\":["
        + record("SDP-A-" + SUFFIX, METER_A, "esp-a", since) + "," + record("SDP-B-" + SUFFIX, METER_B, "esp-b", since)
        + "]}");
    assertEquals(201, sync.statusCode(), sync.body());

    // The first run: each party's latest due day, nothing posted in it yet.
    JsonNode first = ApiClient.json(api.send("POST", "/api/v1/market/deliveries", operator, null)).get("delivered");
    assertEquals(2, first.size(), first.toString());
    LocalDate firstDay = LocalDate.parse(first.get(0).get("day").asText());
    assertEquals(0, first.get(0).get("channelDays").asInt());
    assertEquals(0, ApiClient.json(api.send("POST", "/api/v1/market/deliveries", operator, null)).get("delivered")
        .size(), "nothing is due twice");

    // Yesterday's validated data of both meters is posted; a day later the next files are due.
    LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    ValidatedDay dayA = validated(METER_A, yesterday, Instant.now());
    ValidatedDay dayB = validated(METER_B, yesterday, Instant.now());
    headEnd.bridge().store().intervals().writeValidated(dayA).toCompletableFuture().join();
    headEnd.bridge().store().intervals().writeValidated(dayB).toCompletableFuture().join();
    clock.move(Duration.ofDays(1));
    JsonNode second = ApiClient.json(api.send("POST", "/api/v1/market/deliveries", operator, null)).get("delivered");
    assertEquals(2, second.size(), second.toString());
    for (JsonNode file : second) {
      assertEquals(firstDay.plusDays(1).toString(), file.get("day").asText());
      assertEquals(1, file.get("channelDays").asInt(), file.toString());
      assertEquals(firstDay.plusDays(1).toString().replace("-", "") + "0000.dat", file.get("fileName").asText());
    }

    // esp-a collects CMEP: its meter's values, as posted.
    JsonNode listA = ApiClient.json(api.send("GET", "/api/v1/mailbox", partyA, null)).get("files");
    List<String> namesA = names(listA);
    assertTrue(namesA.contains(firstDay.toString().replace("-", "") + "0000.dat"), namesA.toString());
    String fileA = fileId(listA, second, "esp-a");
    HttpResponse<String> contentA = api.send("GET", "/api/v1/mailbox/" + fileA, partyA, null);
    assertEquals(200, contentA.statusCode());
    List<CmepRecord> records = CmepParser.parse(contentA.body());
    assertEquals(1, records.size());
    CmepRecord record = records.get(0);
    assertEquals("esp-a", record.receiver());
    assertEquals("SDP-A-" + SUFFIX, record.customer());
    assertEquals(METER_A + "/active-import", record.meter());
    for (int i = 0; i < 96; i++) {
      assertEquals(BigDecimal.valueOf(dayA.value(i), -dayA.scale()), record.readings().get(i).value(), "interval " + i);
    }
    assertEquals(yesterday.plusDays(1).atStartOfDay(), record.readings().get(95).end());

    // esp-b collects the 867 content: its meter, flags and the 00:00 rule.
    JsonNode listB = ApiClient.json(api.send("GET", "/api/v1/mailbox", partyB, null)).get("files");
    String fileB = fileId(listB, second, "esp-b");
    String contentB = api.send("GET", "/api/v1/mailbox/" + fileB, partyB, null).body();
    assertTrue(contentB.contains("\r\nPTD|SDP-B-" + SUFFIX + "|" + METER_B + "|active-import|Wh|15|"), contentB);
    assertTrue(contentB.contains("|EST|Y|N|EL,GP\r\n"), "estimated intervals with their reasons");
    assertTrue(contentB.contains("\r\nQTY|" + yesterday.plusDays(1).toString().replace("-", "") + "0000|"));
    assertTrue(!contentB.contains(METER_A) && !contentA.body().contains(METER_B), "each file holds only its party's meter");

    // Neither party can list or fetch the other's files.
    assertEquals(404, api.send("GET", "/api/v1/mailbox/" + fileA, partyB, null).statusCode());
    assertEquals(404, api.send("GET", "/api/v1/mailbox/" + fileB, partyA, null).statusCode());
    assertEquals(403, api.send("GET", "/api/v1/mailbox?party=esp-a", partyB, null).statusCode());
    assertEquals(403, api.send("POST", "/api/v1/market/deliveries", partyA, null).statusCode());
    // Every collection is audited (R-OPS-1).
    JsonNode audit = ApiClient.json(api.send("GET", "/api/v1/audit?who=esp-a&limit=1000", operator, null));
    assertTrue(StreamSupport.stream(audit.get("entries").spliterator(), false)
        .anyMatch(e -> e.get("path").asText().equals("/api/v1/mailbox/" + fileA) && e.get("status").asInt() == 200),
        audit.toString());

    // Reports: the day before the first run missing, the two delivered on time; usage with its estimated part.
    JsonNode days = ApiClient.json(api.send("GET", "/api/v1/market/deliveries?party=esp-a&from=" + firstDay.minusDays(1)
        + "&to=" + firstDay.plusDays(1), operator, null)).get("days");
    assertEquals(List.of("MISSING", "ON_TIME", "ON_TIME"), StreamSupport.stream(days.spliterator(), false)
        .map(d -> d.get("status").asText()).toList());
    JsonNode share = ApiClient.json(api.send("GET", "/api/v1/market/estimated-usage?party=esp-a&from="
        + firstDay.minusDays(1) + "&to=" + firstDay.plusDays(1), operator, null));
    assertEquals(96, share.get("intervals").asInt());
    assertEquals(2, share.get("estimatedIntervals").asInt());
    assertEquals("0.240", share.get("estimatedUsage").asText());
    assertEquals("47.040", share.get("usage").asText());
    assertEquals("0.51", share.get("estimatedPercent").asText());
    assertEquals(400, api.send("GET", "/api/v1/market/estimated-usage?party=esp-a&from=x&to=y", operator, null)
        .statusCode());
    assertEquals(400, api.send("GET", "/api/v1/market/deliveries?from=2024-01-01&to=2024-01-02", operator, null)
        .statusCode());
    assertEquals(404, api.send("GET", "/api/v1/market/deliveries?party=nobody&from=2024-01-01&to=2024-01-02",
        operator, null).statusCode());
  }

  @Test
  void aMarketFileOlderThanFiveDaysIsArchivedListedOnRequestAndStillCollectable() {
    var mailbox = new MailboxStore(headEnd.bridge().store().db(), KEYSPACE);
    var id = MailboxStore.newFileId();
    byte[] content = "MEPMD01,19970819,ADCS-MDMA,esp-a,SDP,202401020000,M/active-import,OK,E,WH,1,00000015,0\r\n"
        .getBytes(StandardCharsets.UTF_8);
    mailbox.writeChunk("esp-a", id, 0, ByteBuffer.wrap(content)).toCompletableFuture().join();
    mailbox.complete(new MailboxFile("esp-a", id, "202401020000.dat", "cmep", content.length, 1,
        Instant.now().minus(Duration.ofDays(6)), "market data of an earlier day")).toCompletableFuture().join();

    assertTrue(!names(ApiClient.json(api.send("GET", "/api/v1/mailbox", partyA, null)).get("files"))
        .contains("202401020000.dat"), "not listed by default");
    assertTrue(names(ApiClient.json(api.send("GET", "/api/v1/mailbox?archived=true", partyA, null)).get("files"))
        .contains("202401020000.dat"), "listed on request");
    HttpResponse<String> fetched = api.send("GET", "/api/v1/mailbox/" + id, partyA, null);
    assertEquals(200, fetched.statusCode());
    assertEquals(new String(content, StandardCharsets.UTF_8), fetched.body());
    assertEquals(400, api.send("GET", "/api/v1/mailbox?archived=maybe", partyA, null).statusCode());
  }

  private static String record(String sdp, String meter, String agent, String since) {
    return "{\"sdpId\":\"" + sdp + "\",\"uniqueId\":\"U-" + sdp + "\",\"meter\":\"" + meter + "\",\"account\":\"ACC-"
        + sdp + "\",\"billingAgent\":\"" + agent + "\",\"channels\":[\"active-import\"],\"effectiveFrom\":\"" + since
        + "\"}";
  }

  /** Interval i holds ((i + 1) * 10 + 5) thousandths of a Wh; 10 and 11 are linear estimates of a gap. */
  private static ValidatedDay validated(String meter, LocalDate day, Instant postedAt) {
    long[] values = new long[96];
    IntervalStatus[] status = new IntervalStatus[96];
    int[] flags = new int[96];
    for (int i = 0; i < 96; i++) {
      values[i] = (i + 1) * 10L + 5;
      status[i] = IntervalStatus.VALID;
    }
    for (int i : new int[] {10, 11}) {
      status[i] = IntervalStatus.ESTIMATED;
      flags[i] = VeeFlag.GAP.bit() | VeeFlag.ESTIMATED_LINEAR.bit();
    }
    return new ValidatedDay(new MeterId(meter), Channel.ACTIVE_IMPORT, day, 15, -3, values, status, flags,
        ReadingSource.SCHEDULED, postedAt.minusSeconds(60), postedAt, 1);
  }

  private static List<String> names(JsonNode files) {
    List<String> names = new ArrayList<>();
    files.forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  private static String fileId(JsonNode listed, JsonNode delivered, String party) {
    String id = StreamSupport.stream(delivered.spliterator(), false).filter(d -> d.get("party").asText().equals(party))
        .findFirst().orElseThrow().get("fileId").asText();
    assertTrue(StreamSupport.stream(listed.spliterator(), false).anyMatch(f -> f.get("id").asText().equals(id)),
        party + " lists its new file");
    return id;
  }

  /** Real time, moved on by the test as days pass. */
  static final class MovingClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void move(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }
}
