package org.adcs.headend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A downstream system on loopback that acknowledges every webhook POST and keeps what it got. */
public final class WebhookReceiver implements AutoCloseable {

  /** One notification and when (System.nanoTime) its request arrived. */
  public record Received(JsonNode notification, long atNanos) {
    public String key() {
      return notification.get("key").asText();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<Received> received = new ArrayList<>();

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/events", exchange -> {
      long at = System.nanoTime();
      byte[] body = exchange.getRequestBody().readAllBytes();
      synchronized (received) {
        for (JsonNode n : JSON.readTree(body).get("events")) {
          received.add(new Received(n, at));
        }
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
