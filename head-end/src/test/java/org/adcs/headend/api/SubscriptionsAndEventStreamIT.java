package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.SseClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.headend.testing.WebhookReceiver;
import org.adcs.mdm.routing.Subscription;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.MeterEvent;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * R-EV-2 end to end over real sockets: a subscription created through the API is routed to at once
 * and receives, by webhook, every event the simulated meters push; the same events arrive on the
 * server-sent-event stream with ids, a filtered stream gets only its type, and a client resuming with
 * Last-Event-ID gets exactly what followed that id. Every validated day stored is on the readings
 * stream once (R-COL-2), resumable the same way. A deleted subscription is no longer routed to.
 */
class SubscriptionsAndEventStreamIT {

  private static final int METERS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aSubscriptionMadeThroughTheApiGetsEveryPushedEventAndTheStreamResumesFromItsLastId() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("subs"), "adcs_subs_it");
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env));
        WebhookReceiver receiver = new WebhookReceiver()) {
      String api = headEnd.httpUrl() + "/api/v1";
      ApiClient client = new ApiClient(headEnd.httpUrl());
      String token = client.tokenFor("outage-management", "downstream-system");
      HttpResponse<String> created = client.send("POST", "/api/v1/subscriptions", token, "{\"name\":\"outage-management\",\"eventTypes\":"
          + "[\"POWER_OUTAGE\",\"POWER_RESTORED\",\"TAMPER\",\"METER_REMOVAL\",\"REMOTE_CONNECT\",\"REMOTE_DISCONNECT\","
          + "\"SELF_TEST\",\"CLOCK_ERROR\",\"CLOCK_CORRECTED\",\"OTHER\"],\"webhook\":\"" + receiver.url() + "\"}");
      assertEquals(id(created), ApiClient.json(client.send("GET", "/api/v1/subscriptions", token, null))
          .get("subscriptions").get(0).get("id").asText(), "listed");
      assertEquals(201, created.statusCode(), created.body());
      UUID id = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
      assertTrue(headEnd.bridge().router().subscriptions().stream().map(Subscription::id).anyMatch(id::equals),
          "the node routes to the subscription as soon as the API has answered, not at the next poll");

      try (SseClient all = new SseClient(api + "/events/stream", Optional.empty(), token);
          SseClient outages = new SseClient(api + "/events/stream?type=POWER_OUTAGE", Optional.empty(), token);
          SseClient readings = new SseClient(api + "/readings/stream", Optional.empty(), token);
          SseClient exports = new SseClient(api + "/readings/stream?channel=active-export", Optional.empty(), token)) {
        assertEquals(200, all.status());
        assertTrue(all.contentType().startsWith("text/event-stream"), all.contentType());
        TimeUnit.MILLISECONDS.sleep(2500); // the streams start from the settled present

        // The meters' time starts now, not before the head-end's start-up: a fleet clock half a minute
        // behind had the head-end correct most meters' clocks as they connected, racing the first clock
        // advance below; a meter corrected after it had pushed past its new time logs a clock event it
        // never pushes (it reports only events after its last push), which truth() would still expect.
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        FleetTerms terms = FleetTerms.defaults(11, start);
        ManualClock clock = new ManualClock(start);
        try (Fleet fleet = new Fleet(FleetConfig.dialling(terms, METERS, headEnd.meterPort().address()), clock, group)) {
          fleet.start(false, line -> { });
          assertTrue(fleet.awaitConnected(METERS, Duration.ofSeconds(60)));
          await(() -> headEnd.meterPort().connected().count() == METERS, "all meters identified");

          // Simulated time runs on until the meters have pushed at least 6 events, each as it happened,
          // and their first night's data (R-COL-2: the readings stream).
          long startLocal = start.getEpochSecond();
          long firstMidnight = (Math.floorDiv(startLocal, 86_400L) + 1) * 86_400L;
          Instant limit = start.plus(Duration.ofDays(3));
          while ((truth(fleet, startLocal, clock.instant()).size() < 6 || !allPushed(fleet, firstMidnight))
              && clock.instant().isBefore(limit)) {
            clock.advance(Duration.ofMinutes(10));
            fleet.tick();
            TimeUnit.MILLISECONDS.sleep(20);
          }
          TimeUnit.MILLISECONDS.sleep(500); // the last pushes leave the meters
          Set<String> truth = truth(fleet, startLocal, clock.instant());
          assertTrue(truth.size() >= 6, "the fleet logged events: " + truth);

          await(() -> stored(headEnd, fleet, start, clock.instant()).containsAll(truth),
              () -> "store holds every pushed event (R-EV-2: stored before routing): missing "
                  + missing(truth, stored(headEnd, fleet, start, clock.instant())));
          await(() -> seen(receiver.received().stream().map(WebhookReceiver.Received::notification).toList())
              .equals(truth), () -> "webhook got every event: expected " + truth + ", got "
              + seen(receiver.received().stream().map(WebhookReceiver.Received::notification).toList()));
          assertEquals(truth.size(), receiver.received().size(), "each event delivered once");
          await(() -> seen(data(all.events())).equals(truth), "stream got every event");
          assertEquals(truth.size(), all.events().size(), "each event streamed once");
          assertTrue(all.events().stream().allMatch(e -> e.id() != null && e.type() != null));
          await(() -> outages.events().size() == truth.stream().filter(t -> t.endsWith("/1")).count(),
              "outage stream got the power-downs");
          assertTrue(data(outages.events()).stream().allMatch(n -> n.get("type").asText().equals("POWER_OUTAGE")));

          // A client that saw only the first event resumes from its id and gets exactly the rest.
          assertResumesExactly(api + "/events/stream", all.events(), token);

          // R-COL-2: every validated day stored is on the readings stream, once; a channel filter holds.
          assertTrue(allPushed(fleet, firstMidnight), "every meter pushed its first night's data");
          Set<String> days = new TreeSet<>();
          for (int i = 0; i < fleet.size(); i++) {
            var meter = new org.adcs.mdm.reading.MeterId(fleet.meter(i).name());
            for (var channel : List.of(org.adcs.mdm.reading.Channel.ACTIVE_IMPORT,
                org.adcs.mdm.reading.Channel.ACTIVE_EXPORT)) {
              for (var day = LocalDateTime.ofInstant(start, ZoneOffset.UTC).toLocalDate();
                  !day.isAfter(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).toLocalDate());
                  day = day.plusDays(1)) {
                headEnd.bridge().store().intervals().versions(meter, channel, day).toCompletableFuture().join()
                    .forEach(v -> days.add(v.meter().value() + ":reading:" + v.channel().name() + ":" + v.day()
                        + ":v" + v.version()));
              }
            }
          }
          assertTrue(days.size() >= 2 * METERS, "every meter's first day on both channels is stored: " + days.size());
          await(() -> keys(readings.events()).equals(days), () -> "reading stream got every stored day: missing "
              + missing(days, keys(readings.events())));
          assertEquals(days.size(), readings.events().size(), "each reading streamed once");
          assertTrue(readings.events().stream().allMatch(e -> "reading".equals(e.type()) && e.id() != null));
          Set<String> exported = new TreeSet<>(days.stream().filter(k -> k.contains(":active-export:")).toList());
          await(() -> keys(exports.events()).equals(exported), "export stream got the export channel's days");
          assertEquals(exported.size(), exports.events().size());
          assertResumesExactly(api + "/readings/stream", readings.events(), token);
          System.out.printf("streams: %d events and %d validated days, each once; %d export days filtered%n",
              all.events().size(), readings.events().size(), exports.events().size());
        }
      }

      assertEquals(200, client.send("GET", "/api/v1/subscriptions/" + id, token, null).statusCode());
      HttpResponse<String> deleted = client.send("DELETE", "/api/v1/subscriptions/" + id, token, null);
      assertEquals(204, deleted.statusCode());
      assertEquals(404, client.send("GET", "/api/v1/subscriptions/" + id, token, null).statusCode());
      assertTrue(headEnd.bridge().router().subscriptions().stream().noneMatch(s -> s.id().equals(id)),
          "a deleted subscription is no longer routed to");
      HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/events/stream"))
          .header("Authorization", "Bearer " + token).header("Last-Event-ID", "yesterday").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(400, bad.statusCode(), bad.body());
      for (String query : List.of("source=NIGHTLY", "channel=Active%20Import", "meter=SIM%2000000001")) {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/readings/stream?" + query))
            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), query + ": " + refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
            query + " is answered with a problem document");
        assertEquals(400, JSON.readTree(refused.body()).get("status").asInt());
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /** A client that saw only the first of {@code seen} resumes from its id and gets exactly the rest, once. */
  private static void assertResumesExactly(String url, List<SseClient.Event> seen, String token) throws Exception {
    try (SseClient resumed = new SseClient(url, Optional.of(seen.get(0).id()), token)) {
      var from = FeedStream.position(seen.get(0).id());
      Set<SseClient.Event> rest = new java.util.HashSet<>();
      seen.stream().filter(e -> FeedStream.position(e.id()).compareTo(from) > 0).forEach(rest::add);
      assertEquals(seen.size() - 1, rest.size(), "ids are in stream order");
      await(() -> resumed.events().size() >= rest.size(), "resumed stream caught up");
      TimeUnit.MILLISECONDS.sleep(500);
      assertEquals(rest, new java.util.HashSet<>(resumed.events()), "everything after the id, nothing before");
      assertEquals(rest.size(), resumed.events().size(), "each once");
    }
  }

  private static boolean allPushed(Fleet fleet, long untilLocal) {
    for (int i = 0; i < fleet.size(); i++) {
      if (fleet.meter(i).acknowledgedUntilLocal() < untilLocal) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> keys(List<SseClient.Event> events) {
    Set<String> keys = new TreeSet<>();
    for (JsonNode n : data(events)) {
      keys.add(n.get("key").asText());
    }
    return keys;
  }

  /**
   * What the meters logged after {@code startLocal} and have pushed, as meter/time/code (a clock
   * correction's events wait in the meter's log until its next push).
   */
  private static Set<String> truth(Fleet fleet, long startLocal, Instant fleetNow) {
    Set<String> events = new TreeSet<>();
    for (int i = 0; i < fleet.size(); i++) {
      SimulatedMeter meter = fleet.meter(i);
      for (MeterEvent e : meter.events(startLocal + 1, meter.eventsPushedUntilLocal(), fleetNow)) {
        events.add(meter.name() + "/" + LocalDateTime.ofInstant(e.time(), ZoneOffset.UTC) + "/" + e.code());
      }
    }
    return events;
  }

  private static Set<String> stored(HeadEnd headEnd, Fleet fleet, Instant from, Instant to) {
    Set<String> events = new TreeSet<>();
    for (int i = 0; i < fleet.size(); i++) {
      String name = fleet.meter(i).name();
      headEnd.bridge().store().events().events(new org.adcs.mdm.reading.MeterId(name),
              LocalDateTime.ofInstant(from, ZoneOffset.UTC).minusDays(1), LocalDateTime.ofInstant(to, ZoneOffset.UTC)
                  .plusDays(1)).toCompletableFuture().join()
          .forEach(e -> events.add(name + "/" + e.occurredAt() + "/" + e.code()));
    }
    return events;
  }

  private static Set<String> missing(Set<String> expected, Set<String> actual) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    return missing;
  }

  private static Set<String> seen(List<JsonNode> notifications) {
    Set<String> events = new TreeSet<>();
    for (JsonNode n : notifications) {
      events.add(n.get("meterId").asText() + "/" + LocalDateTime.parse(n.get("occurredAt").asText()) + "/"
          + n.get("code").asInt());
    }
    return events;
  }

  private static List<JsonNode> data(List<SseClient.Event> events) {
    List<JsonNode> nodes = new ArrayList<>();
    for (SseClient.Event e : events) {
      try {
        nodes.add(JSON.readTree(e.data()));
      } catch (Exception ex) {
        throw new AssertionError("stream data is not JSON: " + e.data(), ex);
      }
    }
    return nodes;
  }

  private static String id(HttpResponse<String> created) {
    return ApiClient.json(created).get("id").asText();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    await(condition, () -> what);
  }

  private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
      throws InterruptedException {
    Await.until(what, Duration.ofSeconds(60), condition::getAsBoolean);
  }
}
