package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.testing.SseClient;
import org.adcs.mdm.routing.Feed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event and reading streams over real HTTP against empty in-memory feeds: the per-node bound on
 * streams both share (the next one gets a 503 problem; a client that leaves frees its slot), the
 * heartbeat on an idle stream, and a slot whose response never starts.
 */
class StreamRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX = 64;
  private static final Duration HEARTBEAT = Duration.ofMillis(300);
  private static final Duration START_WITHIN = Duration.ofMillis(500);
  private static final ActorTestKit kit = ActorTestKit.create("stream-routes");
  private static final FeedStream.Slots slots = new FeedStream.Slots(MAX, Duration.ofSeconds(30));
  private static ServerBinding binding;
  private static String base;
  private final List<SseClient> clients = new ArrayList<>();

  /** A feed with nothing in it: every stream is idle. */
  record EmptyFeed(String name) implements FeedReader {
    @Override
    public Feed.Position now() {
      return Feed.Position.before(Instant.now());
    }

    @Override
    public Feed.Position oldest() {
      return Feed.Position.before(Instant.now().minus(Feed.RETENTION));
    }

    @Override
    public CompletionStage<Feed.Page> after(Feed.Position position, int limit) {
      return CompletableFuture.completedFuture(new Feed.Page(List.of(), position));
    }
  }

  @BeforeAll
  static void bind() throws Exception {
    binding = Http.get(kit.system()).newServerAt("127.0.0.1", 0)
        .bind(StreamRoutes.routes(new EmptyFeed(Feed.EVENTS), new EmptyFeed(Feed.READINGS), kit.system(), JSON, slots,
            Duration.ofMillis(100), HEARTBEAT))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + binding.localAddress().getPort() + "/api/v1/";
  }

  @AfterAll
  static void stop() {
    binding.unbind();
    kit.shutdownTestKit();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(SseClient::close);
    await(() -> slots.open() == 0, "every slot is free once the clients have gone");
  }

  @Test
  void the65thStreamOfEitherKindIsRefusedAndALeavingClientFreesItsSlot() throws Exception {
    for (int i = 0; i < MAX; i++) {
      SseClient client = open(i % 2 == 0 ? "events/stream" : "readings/stream?source=SCHEDULED");
      assertEquals(200, client.status(), "stream " + (i + 1) + " of " + MAX);
    }
    assertEquals(MAX, slots.open());
    assertTooMany(get(base + "events/stream"));
    assertTooMany(get(base + "readings/stream"));
    assertEquals(MAX, slots.open(), "a refused stream holds no slot");

    clients.remove(0).close();
    await(() -> slots.open() == MAX - 1, "the slot of the client that left is freed");
    SseClient again = open("readings/stream");
    assertEquals(200, again.status(), "the freed slot serves the next client");
    assertTooMany(get(base + "events/stream"));
  }

  @Test
  void anIdleStreamSendsHeartbeatsWithinTheConfiguredInterval() throws Exception {
    SseClient events = open("events/stream");
    SseClient readings = open("readings/stream");
    assertEquals("text/event-stream", events.contentType().split(";")[0].strip());
    await(() -> events.heartbeats() >= 3 && readings.heartbeats() >= 3,
        "an idle stream sends a heartbeat every " + HEARTBEAT.toMillis() + " ms");
    assertTrue(events.events().isEmpty() && readings.events().isEmpty(), "heartbeats carry no data: an EventSource dispatches nothing");
  }

  @Test
  void aStreamWhoseResponseNeverStartsFreesItsSlot() throws Exception {
    // The stream's response is dropped unsent, as when a request times out: its entity never runs.
    FeedStream.Slots few = new FeedStream.Slots(1, START_WITHIN);
    Route dropped = new AllDirectives() {}.mapResponse(response -> akka.http.javadsl.model.HttpResponse.create()
        .withStatus(StatusCodes.GATEWAY_TIMEOUT), () -> StreamRoutes.routes(new EmptyFeed(Feed.EVENTS),
        new EmptyFeed(Feed.READINGS), kit.system(), JSON, few, Duration.ofMillis(100), HEARTBEAT));
    ServerBinding server = Http.get(kit.system()).newServerAt("127.0.0.1", 0).bind(dropped)
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    try {
      HttpResponse<String> answer = get("http://127.0.0.1:" + server.localAddress().getPort() + "/api/v1/events/stream");
      assertEquals(504, answer.statusCode());
      await(() -> few.open() == 0, "the slot of a response that never started is freed after "
          + START_WITHIN.toMillis() + " ms");
    } finally {
      server.unbind();
    }
  }

  @Test
  void aSlotIsFreedExactlyOnceAndALateStartSendsNothing() {
    FeedStream.Slots few = new FeedStream.Slots(1, START_WITHIN);
    FeedStream.Slots.Lease lease = few.take().orElseThrow();
    assertTrue(few.take().isEmpty(), "the one slot is taken");
    lease.expire();
    assertEquals(0, few.open(), "an unstarted stream's slot is freed on expiry");
    assertFalse(lease.start(), "a response starting after its slot was freed sends nothing");
    lease.release();
    assertEquals(0, few.open(), "a slot is freed once only");

    FeedStream.Slots.Lease next = few.take().orElseThrow();
    assertTrue(next.start(), "a started stream keeps its slot");
    next.expire();
    assertEquals(1, few.open(), "expiry does not free a started stream's slot");
    next.release();
    next.release();
    assertEquals(0, few.open());
  }

  private SseClient open(String path) throws Exception {
    // The routes under test are bound without the API's access wrapper: the bearer header is not read.
    SseClient client = new SseClient(base + path, Optional.empty(), "unchecked");
    clients.add(client);
    return client;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertTooMany(HttpResponse<String> response) throws Exception {
    assertEquals(503, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonNode problem = JSON.readTree(response.body());
    assertEquals("Too many streams", problem.path("title").asText(), response.body());
    assertEquals(503, problem.path("status").asInt());
    assertTrue(problem.path("detail").asText().contains(String.valueOf(MAX)), response.body());
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
