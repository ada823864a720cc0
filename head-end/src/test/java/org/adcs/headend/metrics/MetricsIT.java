package org.adcs.headend.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} serves the metrics issue 11 lists, moving with what the node does: simulated
 * meters connect (meters connected), push a day each (pushes stored, push store latency, journal
 * queries of the projections, VEE outcomes, Cassandra latency), one is read on demand (reads by
 * source and outcome); the meter port's queue depths and the JVM's metrics are there. Counters are
 * process-wide, so the test compares them before and after.
 */
class MetricsIT {

  private static final int METERS = 10;
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)$");

  @Test
  void theMetricsEndpointFollowsConnectionsPushesReadsAndTheBridge() throws Exception {
    Map<String, String> env = TestNodes.forSimulatedMeters("metrics", "adcs_metrics_it");
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      ApiClient api = new ApiClient(headEnd.httpUrl());
      Map<String, Double> before = scrape(api);
      assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")), "JVM metrics");
      for (String gauge : new String[] {"adcs_meter_port_identifying_waiting", "adcs_meter_port_identifying_in_flight",
          "adcs_meter_port_pushes_waiting", "adcs_meter_port_pushes_in_flight", "adcs_meter_port_push_decoding_queued"}) {
        assertTrue(before.containsKey(gauge), gauge + " in " + before.keySet());
      }

      // Terms from yesterday: each meter's first push carries yesterday's whole day.
      Instant now = Instant.now();
      try (Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(41, now.minus(Duration.ofDays(1))), METERS,
          headEnd.meterPort().address()), new ManualClock(now), group)) {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(METERS, Duration.ofSeconds(60)));
        Map<String, Double> connected = await(api, m -> m.getOrDefault("adcs_meters_connected", 0.0) == METERS,
            "adcs_meters_connected = " + METERS);
        assertEquals(METERS, connected.get("adcs_meters_connected"));

        group.submit(() -> {
          for (int i = 0; i < METERS; i++) {
            fleet.pushNow(fleet.meter(i), 0);
          }
        }).get(60, TimeUnit.SECONDS);
        Map<String, Double> pushed = await(api, m -> delta(before, m, "adcs_meter_pushes_total{outcome=\"stored\"}") >= METERS
                && delta(before, m, "adcs_vee_intervals_total{status=\"VAL\"}") + delta(before, m,
                "adcs_vee_intervals_total{status=\"NV\"}") + delta(before, m, "adcs_vee_intervals_total{status=\"EST\"}")
                >= METERS * 96 * 2,
            "every meter's push stored and its day validated by the bridge");
        assertTrue(delta(before, pushed, "adcs_meter_push_store_seconds_count") >= METERS, pushed.toString());
        assertTrue(delta(before, pushed, "adcs_journal_query_seconds_count") > 0, "the projections read the journal");
        assertTrue(delta(before, pushed, "adcs_cassandra_request_seconds_count{outcome=\"ok\"}") > 0, "the bridge wrote");
        assertTrue(pushed.containsKey("adcs_event_routing_lag_seconds_count"), "routing lag is exported");

        String token = api.tokenFor("metrics-operator", "operator");
        HttpResponse<String> read = api.send("POST", "/api/v1/meters/" + fleet.meter(0).name() + "/reads", token, null);
        assertEquals(200, read.statusCode(), read.body());
        Map<String, Double> afterRead = await(api,
            m -> delta(before, m, "adcs_meter_reads_total{outcome=\"ok\",source=\"ON_DEMAND\"}") >= 1,
            "the on-demand read counted");
        assertEquals(1, delta(before, afterRead, "adcs_meter_reads_total{outcome=\"ok\",source=\"ON_DEMAND\"}"));
      }
      await(api, m -> m.getOrDefault("adcs_meters_connected", -1.0) == 0, "meters gone once the fleet closed");
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
    return after.getOrDefault(sample, 0.0) - before.getOrDefault(sample, 0.0);
  }

  /** Open (no token) and in Prometheus's text format. */
  private static Map<String, Double> scrape(ApiClient api) {
    HttpResponse<String> r = api.send("GET", "/metrics", null, null);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
    Map<String, Double> samples = new HashMap<>();
    for (String line : r.body().split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line.strip());
      assertTrue(m.matches(), "a sample line: " + line);
      samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
    }
    return samples;
  }

  private static Map<String, Double> await(ApiClient api, Predicate<Map<String, Double>> done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Map<String, Double> last = scrape(api);
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what + "; adcs samples: " + last.entrySet().stream()
            .filter(e -> e.getKey().startsWith("adcs_")).toList());
      }
      TimeUnit.MILLISECONDS.sleep(250);
      last = scrape(api);
    }
    return last;
  }
}
