package org.adcs.mdm.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Posts events to a subscriber as one JSON document, {@code {"subscription": ..., "events": [...]}},
 * in order of receipt: meter events and, for reading feeds, validated days. Only a 2xx acknowledges
 * them, all at once. Each carries a {@code key} that lets the subscriber drop the duplicates
 * at-least-once delivery can produce. Batching keeps an outage storm of thousands of events to a few dozen requests.
 */
public final class WebhookClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;

  public WebhookClient(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Completes normally on a 2xx, exceptionally with the reason otherwise. */
  public CompletionStage<Void> post(Subscription subscription, List<OutboxEntry> entries) {
    HttpRequest request = HttpRequest.newBuilder(subscription.webhook())
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(subscription, entries)))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenCompose(response -> {
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? CompletableFuture.completedFuture(null)
          : CompletableFuture.failedFuture(new IllegalStateException("subscriber answered HTTP " + status));
    });
  }

  static String body(Subscription subscription, List<OutboxEntry> entries) {
    ObjectNode document = JSON.createObjectNode();
    document.put("subscription", subscription.id().toString());
    ArrayNode notifications = document.putArray("events");
    for (OutboxEntry entry : entries) {
      try {
        notifications.add(JSON.readTree(entry.payload()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("outbox entry " + entry.key() + " holds no JSON: " + e.getMessage(), e);
      }
    }
    return document.toString();
  }
}
