package org.adcs.headend.api.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * Master data through the API of a real node (H2 journal, the shared real Cassandra node, real
 * simulated meters pushing yesterday), with the reading check on (R-MD-1): a synchronised meter's
 * day is posted; an unsynchronised meter's day is rejected with an exception naming the meter while
 * collection goes on; a later sync (sent after a set that is ahead of it and held) covers the meter,
 * and its day is posted without the meter sending again. Reports, duplicates, service points as of
 * an instant, validation and access rules along the way.
 */
class MasterDataIT {

  private static final String SOURCE = "cis-" + Long.toHexString(System.nanoTime());

  @Test
  void readingsOfAnUnsynchronisedMeterAreRejectedByNameAndPostedOnceItsMasterDataArrives() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("masterdata"),
        "adcs_masterdata_api_it");
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    env.put("ADCS_MASTER_DATA_CHECK_READINGS", "on");
    Instant now = Instant.now();
    LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    String since = yesterday.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      ApiClient api = new ApiClient(headEnd.httpUrl());
      String cis = api.tokenFor("cis-system", "downstream-system");
      String operator = api.tokenFor("md-operator", "operator");
      String party = api.tokenFor("md-party", "third-party");
      FleetTerms terms = FleetTerms.defaults(11, now.minus(Duration.ofDays(1)));
      try (Fleet fleet = new Fleet(FleetConfig.dialling(terms, 2, headEnd.meterPort().address()), new ManualClock(now),
          group)) {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(2, Duration.ofSeconds(60)));
        await(() -> headEnd.meterPort().connected().count() == 2, "both meters identified");
        String known = fleet.meter(0).name();
        String unknown = fleet.meter(1).name();
        String sdpKnown = "SDP-" + known;
        String sdpUnknown = "SDP-" + unknown;

        // Master data for one meter only: a full set, sequence 1.
        HttpResponse<String> full = api.send("POST", "/api/v1/master-data/syncs", cis, "{\"source\":\"" + SOURCE
            + "\",\"sequence\":1,\"kind\":\"FULL\",\"effectiveAt\":\"" + since + "\",\"records\":[{\"sdpId\":\""
            + sdpKnown + "\",\"uniqueId\":\"U-" + known + "\",\"meter\":\"" + known + "\",\"account\":\"ACC-1\","
            + "\"billingAgent\":\"BA-1\",\"channels\":[\"active-import\",\"active-export\"],\"effectiveFrom\":\""
            + since + "\"}]}");
        assertEquals(201, full.statusCode(), full.body());
        JsonNode fullReport = ApiClient.json(full);
        assertEquals("APPLIED", fullReport.get("status").asText());
        assertEquals("created", fullReport.get("applied").get(0).get("action").asText());

        fleet.pushNow(fleet.meter(0), 0);
        fleet.pushNow(fleet.meter(1), 0);
        await(() -> validated(headEnd, known, yesterday).isPresent(), known + " posted");
        await(() -> exceptionsOf(api, operator, unknown).size() >= 2, unknown + " rejected on both channels");
        JsonNode exceptions = exceptionsOf(api, operator, unknown);
        assertEquals("meter " + unknown + " is not synchronised: no service point relationship covers " + yesterday,
            exceptions.get(0).get("reason").asText());
        assertEquals(yesterday.toString(), exceptions.get(0).get("day").asText());
        assertFalse(validated(headEnd, unknown, yesterday).isPresent(), "nothing posted for " + unknown);
        assertEquals(0, exceptionsOf(api, operator, known).size());
        // The audit names the meter whose exceptions were read.
        await(() -> ApiClient.json(api.send("GET", "/api/v1/audit?who=md-operator&limit=1000", operator, null))
            .get("entries").findValues("meterIds").stream().anyMatch(ids -> ids.toString().contains(unknown)),
            "an audit row naming " + unknown);

        // Sequence 3 (CSV) arrives before 2 and is held.
        String csv = "sdpId,uniqueId,meter,account,effectiveFrom\r\n" + sdpKnown + ",U-" + known + "," + known
            + ",ACC-3," + yesterday.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) + "\r\n";
        HttpResponse<String> third = api.sendBytes("POST", "/api/v1/master-data/syncs?source=" + SOURCE
            + "&sequence=3&kind=INCREMENTAL&effectiveAt=" + now, cis, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, third.statusCode(), third.body());
        String thirdId = ApiClient.json(third).get("id").asText();
        assertEquals("HELD", ApiClient.json(api.send("GET", "/api/v1/master-data/syncs/" + thirdId, cis, null))
            .get("status").asText());

        // Sequence 2 brings the missing meter's master data (back-dated) and one faulty record.
        String second = "{\"source\":\"" + SOURCE + "\",\"sequence\":2,\"kind\":\"INCREMENTAL\",\"effectiveAt\":\""
            + now + "\",\"records\":[{\"sdpId\":\"" + sdpUnknown + "\",\"uniqueId\":\"U-" + unknown + "\",\"meter\":\""
            + unknown + "\",\"effectiveFrom\":\"" + since + "\"},{\"sdpId\":\"SDP-BAD\",\"meter\":\"M\","
            + "\"effectiveFrom\":\"yesterday\"}]}";
        HttpResponse<String> applied = api.send("POST", "/api/v1/master-data/syncs", cis, second);
        assertEquals(201, applied.statusCode(), applied.body());
        JsonNode report = ApiClient.json(applied);
        assertEquals(1, report.get("appliedCount").asInt());
        assertEquals(1, report.get("exceptions").get(0).get("index").asInt());
        assertTrue(report.get("exceptions").get(0).get("reason").asText().contains("uniqueId is required"));
        assertEquals("APPLIED", ApiClient.json(api.send("GET", "/api/v1/master-data/syncs/" + thirdId, cis, null))
            .get("status").asText());

        // The rejected day is posted from what the meter already sent; its exception is gone.
        await(() -> validated(headEnd, unknown, yesterday).isPresent(), unknown + " posted after its master data");
        assertEquals(0, exceptionsOf(api, operator, unknown).size());
        ValidatedDay posted = validated(headEnd, unknown, yesterday).orElseThrow();
        assertEquals(96, posted.intervalCount());

        // Resent: a duplicate, nothing applied again.
        HttpResponse<String> again = api.send("POST", "/api/v1/master-data/syncs", cis, second);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("DUPLICATE", ApiClient.json(again).get("status").asText());
        assertEquals(report.get("id").asText(), ApiClient.json(again).get("duplicateOf").asText());
        HttpResponse<String> conflicting = api.send("POST", "/api/v1/master-data/syncs", cis, second.replace(
            "\"sequence\":2", "\"sequence\":1"));
        assertProblem(conflicting, 409);

        // The service point as of yesterday and as of after sequence 3's change.
        JsonNode point = ApiClient.json(api.send("GET", "/api/v1/master-data/service-points/" + sdpKnown + "?at="
            + yesterday.atStartOfDay().toInstant(ZoneOffset.UTC), operator, null));
        assertTrue(point.get("active").asBoolean());
        assertEquals(known, point.get("relationships").get("meter").asText());
        assertEquals("ACC-1", point.get("relationships").get("account").asText());
        assertEquals(2, point.get("periods").size());
        JsonNode later = ApiClient.json(api.send("GET", "/api/v1/master-data/service-points/" + sdpKnown + "?at="
            + now.plus(Duration.ofDays(2)), operator, null));
        assertEquals("ACC-3", later.get("relationships").get("account").asText());

        // Refused input and callers.
        assertProblem(api.send("POST", "/api/v1/master-data/syncs", cis, "{\"source\":\"x\",\"sequence\":0}"), 400);
        assertProblem(api.send("POST", "/api/v1/master-data/syncs", cis, "not json"), 400);
        assertProblem(api.sendBytes("POST", "/api/v1/master-data/syncs", cis, "application/xml", new byte[] {1}), 415);
        assertProblem(api.send("GET", "/api/v1/master-data/syncs/not-an-id", cis, null), 404);
        assertProblem(api.send("GET", "/api/v1/master-data/service-points/SDP-NONE", operator, null), 404);
        assertProblem(api.send("GET", "/api/v1/master-data/service-points/" + sdpKnown + "?at=today", operator,
            null), 400);
        assertProblem(api.send("GET", "/api/v1/master-data/exceptions?limit=0", operator, null), 400);
        assertProblem(api.send("POST", "/api/v1/master-data/syncs", party, second), 403);
        assertProblem(api.send("GET", "/api/v1/master-data/exceptions", cis, null), 403);
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private static JsonNode exceptionsOf(ApiClient api, String token, String meter) {
    HttpResponse<String> r = api.send("GET", "/api/v1/master-data/exceptions?meter=" + meter, token, null);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = ApiClient.json(r);
    assertTrue(body.get("checkReadings").asBoolean());
    return body.get("exceptions");
  }

  private static Optional<ValidatedDay> validated(HeadEnd headEnd, String meter, LocalDate day) {
    return headEnd.bridge().store().intervals().validatedAsOf(new MeterId(meter), Channel.ACTIVE_IMPORT, day,
        Long.MAX_VALUE).toCompletableFuture().join();
  }

  private static void assertProblem(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(what, Duration.ofSeconds(120), condition::getAsBoolean);
  }
}
