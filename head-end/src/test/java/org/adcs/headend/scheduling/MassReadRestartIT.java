package org.adcs.headend.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.TestNodes;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * An accepted mass read is not lost with the node that ran it (R-OD-3; "nothing acknowledged is ever
 * lost"): a mass read of meters out of contact is accepted (202), the head-end stops while its reads
 * wait, and the restarted head-end's desk has the job again and completes it once the meters call in.
 */
class MassReadRestartIT {

  private static final int METERS = 3;

  @Test
  void aMassReadAcceptedBeforeARestartIsResumedAndCompletedAfterIt() throws Exception {
    Map<String, String> env = TestNodes.forSimulatedMeters("mass-restart", "adcs_mass_restart_it");
    HeadEndSettings settings = TestNodes.settings(env);
    EventLoopGroup group = new NioEventLoopGroup(1);
    Instant now = Instant.now();
    FleetTerms terms = FleetTerms.defaults(53, now.minus(Duration.ofDays(2)));
    String yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1).toString();
    List<String> meters = new ArrayList<>();
    String jobId;
    String token;
    try {
      try (HeadEnd first = HeadEnd.start(settings)) {
        ApiClient api = new ApiClient(first.httpUrl());
        token = api.tokenFor("mass-read-operator", "operator");
        // The meters register, then go out of contact: their reads wait for them to call in.
        try (Fleet fleet = new Fleet(FleetConfig.dialling(terms, METERS, first.meterPort().address()), new ManualClock(now),
            group)) {
          fleet.start(false, line -> { });
          assertTrue(fleet.awaitConnected(METERS, Duration.ofSeconds(60)));
          await(() -> first.meterPort().connected().count() == METERS, "meters identified");
          for (int i = 0; i < METERS; i++) {
            meters.add(fleet.meter(i).name());
          }
        }
        await(() -> first.meterPort().connected().count() == 0, "meters gone");
        String body = "{\"target\":\"meters\",\"meterIds\":[\"" + String.join("\",\"", meters) + "\"],\"from\":\""
            + yesterday + "\",\"to\":\"" + yesterday + "\"}";
        HttpResponse<String> started = api.send("POST", "/api/v1/mass-reads", token, body);
        assertEquals(202, started.statusCode(), started.body());
        jobId = ApiClient.json(started).get("jobId").asText();
        assertEquals("RUNNING", progress(api, token, jobId).get("state").asText());
      }

      try (HeadEnd second = HeadEnd.start(settings)) {
        ApiClient api = new ApiClient(second.httpUrl());
        JsonNode resumed = awaitProgress(api, token, jobId, p -> p != null, "the restarted desk has the job");
        assertEquals("RUNNING", resumed.get("state").asText(), resumed.toString());
        try (Fleet fleet = new Fleet(FleetConfig.dialling(terms, METERS, second.meterPort().address()), new ManualClock(now),
            group)) {
          fleet.start(false, line -> { });
          assertTrue(fleet.awaitConnected(METERS, Duration.ofSeconds(60)));
          JsonNode done = awaitProgress(api, token, jobId, p -> p != null && p.get("state").asText().equals("COMPLETED"),
              "the resumed mass read completed");
          assertEquals(METERS, done.get("done").asInt(), done.toString());
          assertEquals(0, done.get("failed").asInt(), done.toString());
        }
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static JsonNode progress(ApiClient api, String token, String jobId) {
    HttpResponse<String> r = api.send("GET", "/api/v1/mass-reads/" + jobId, token, null);
    assertTrue(r.statusCode() == 200 || r.statusCode() == 404 || r.statusCode() == 503, r.statusCode() + " " + r.body());
    return r.statusCode() == 200 ? ApiClient.json(r) : null;
  }

  private static JsonNode awaitProgress(ApiClient api, String token, String jobId, Predicate<JsonNode> done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    JsonNode last = progress(api, token, jobId);
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what + "; last " + last);
      }
      TimeUnit.MILLISECONDS.sleep(250);
      last = progress(api, token, jobId);
    }
    return last;
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(what, Duration.ofSeconds(60), condition::getAsBoolean);
  }
}
