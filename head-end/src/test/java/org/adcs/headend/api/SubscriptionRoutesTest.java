package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.routing.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The subscription API (R-EV-2) over real HTTP against an in-memory registry: what is accepted, what
 * is refused with which RFC 7807 problem.
 */
class SubscriptionRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ActorTestKit kit = ActorTestKit.create("subscription-routes");
  private static final InMemoryRegistry registry = new InMemoryRegistry();
  private static ServerBinding binding;
  private static String base;

  /** A registry that keeps subscriptions in a map, as the durable one keeps them in Cassandra. */
  static final class InMemoryRegistry implements SubscriptionRegistry {
    final Map<UUID, Subscription> all = new LinkedHashMap<>();

    @Override
    public synchronized CompletionStage<Subscription> create(Subscription subscription) {
      all.put(subscription.id(), subscription);
      return CompletableFuture.completedFuture(subscription);
    }

    @Override
    public synchronized CompletionStage<List<Subscription>> active() {
      return CompletableFuture.completedFuture(all.values().stream().filter(Subscription::active).toList());
    }

    @Override
    public synchronized CompletionStage<Optional<Subscription>> find(UUID id) {
      return CompletableFuture.completedFuture(Optional.ofNullable(all.get(id)).filter(Subscription::active));
    }

    @Override
    public synchronized CompletionStage<Boolean> delete(UUID id) {
      Subscription s = all.get(id);
      if (s == null || !s.active()) {
        return CompletableFuture.completedFuture(false);
      }
      all.put(id, new Subscription(s.id(), s.name(), s.eventTypes(), s.readingFeed(), s.webhook(), false, s.createdAt()));
      return CompletableFuture.completedFuture(true);
    }
  }

  @BeforeAll
  static void bind() throws Exception {
    binding = Http.get(kit.system()).newServerAt("127.0.0.1", 0)
        .bind(new SubscriptionRoutes(registry, JSON, Clock.systemUTC()).routes())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + binding.localAddress().getPort() + "/api/v1/subscriptions";
  }

  @AfterAll
  static void stop() {
    binding.unbind();
    kit.shutdownTestKit();
  }

  @Test
  void aSubscriptionIsCreatedListedReadAndDeleted_R_EV_2() throws Exception {
    HttpResponse<String> created = post("{\"name\":\"outage-management\",\"eventTypes\":[\"POWER_OUTAGE\","
        + "\"power_restored\"],\"webhook\":\"https://oms.example/adcs/events\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode body = JSON.readTree(created.body());
    String id = body.get("id").asText();
    assertEquals("/api/v1/subscriptions/" + id, created.headers().firstValue("Location").orElseThrow());
    assertEquals("[\"POWER_OUTAGE\",\"POWER_RESTORED\"]", body.get("eventTypes").toString());
    assertEquals(false, body.get("readingFeed").asBoolean());

    HttpResponse<String> feed = post("{\"name\":\"prepayment\",\"readingFeed\":true,\"webhook\":\"http://10.0.0.7:8080/r\"}");
    assertEquals(201, feed.statusCode(), feed.body());

    JsonNode list = JSON.readTree(get(base).body()).get("subscriptions");
    List<String> ids = new ArrayList<>();
    list.forEach(s -> ids.add(s.get("id").asText()));
    assertTrue(ids.contains(id) && ids.contains(JSON.readTree(feed.body()).get("id").asText()), list.toString());

    HttpResponse<String> one = get(base + "/" + id);
    assertEquals(200, one.statusCode());
    assertEquals("https://oms.example/adcs/events", JSON.readTree(one.body()).get("webhook").asText());

    assertEquals(204, send("DELETE", base + "/" + id).statusCode());
    assertProblem(get(base + "/" + id), 404, "Unknown subscription");
    assertProblem(send("DELETE", base + "/" + id), 404, "Unknown subscription");
    JsonNode after = JSON.readTree(get(base).body()).get("subscriptions");
    after.forEach(s -> assertTrue(!s.get("id").asText().equals(id), "deleted one is not listed"));
  }

  @Test
  void webhookMustBeAnAbsoluteHttpOrHttpsUrlWithoutCredentials() throws Exception {
    for (String url : List.of("ftp://host/x", "/relative/path", "mailto:ops@example.com", "http:///nohost",
        "https://user:secret@host/x", "javascript:alert(1)", "http://host/x#frag", "not a url")) {
      assertProblem(post("{\"name\":\"n\",\"eventTypes\":[\"TAMPER\"],\"webhook\":" + JSON.writeValueAsString(url) + "}"),
          400, "Invalid subscription");
    }
    assertProblem(post("{\"name\":\"n\",\"eventTypes\":[\"TAMPER\"],\"webhook\":\"https://h/" + "a".repeat(2001) + "\"}"),
        400, "Invalid subscription");
  }

  @Test
  void badBodiesGetAProblemThatSaysWhatIsWrong() throws Exception {
    assertProblem(post("{\"name\":\"n\",\"eventTypes\":[\"TAMPER\"]"), 400, "Malformed JSON");
    assertProblem(post("[1,2]"), 400, "Invalid subscription");
    HttpResponse<String> unknownType = post("{\"name\":\"n\",\"eventTypes\":[\"EARTHQUAKE\"],\"webhook\":\"http://h/\"}");
    assertProblem(unknownType, 400, "Invalid subscription");
    assertTrue(unknownType.body().contains("POWER_OUTAGE"), "lists the known types: " + unknownType.body());
    assertProblem(post("{\"name\":\"n\",\"eventTypes\":[],\"webhook\":\"http://h/\"}"), 400, "Invalid subscription");
    assertProblem(post("{\"name\":\"\",\"eventTypes\":[\"TAMPER\"],\"webhook\":\"http://h/\"}"), 400, "Invalid subscription");
    assertProblem(post("{\"name\":\"n\",\"eventTypes\":[\"TAMPER\"],\"webhook\":\"http://h/\",\"secret\":1}"), 400,
        "Invalid subscription");
    assertProblem(post("{\"name\":\"n\",\"eventTypes\":\"TAMPER\",\"webhook\":\"http://h/\"}"), 400, "Invalid subscription");
    assertProblem(post("{\"name\":\"n\",\"readingFeed\":\"yes\",\"webhook\":\"http://h/\"}"), 400, "Invalid subscription");
    String big = "{\"name\":\"n\",\"eventTypes\":[\"TAMPER\"],\"webhook\":\"http://h/\",\"pad\":\""
        + "x".repeat(SubscriptionRoutes.MAX_BODY_BYTES) + "\"}";
    assertProblem(post(big), 413, "Body too large");
    HttpResponse<String> text = ProblemAssertions.postText(base, "{}");
    assertProblem(text, 415, "Unsupported media type");
    assertProblem(get(base + "/not-a-uuid"), 400, "Invalid subscription id");
    assertProblem(send("PUT", base + "/" + UUID.randomUUID()), 405, "Method not allowed");
    assertProblem(get(base + "/" + UUID.randomUUID()), 404, "Unknown subscription");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String title) throws Exception {
    ProblemAssertions.assertProblem(response, status, title);
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return ProblemAssertions.postJson(base, body);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return send("GET", url);
  }

  private static HttpResponse<String> send(String method, String url) throws Exception {
    return ProblemAssertions.send(method, url);
  }
}
