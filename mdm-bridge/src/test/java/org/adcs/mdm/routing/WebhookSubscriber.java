package org.adcs.mdm.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A downstream system on loopback: records the events it is sent, and refuses the first
 * {@code failFirst} requests (or all, with a status other than 200).
 */
final class WebhookSubscriber implements AutoCloseable {

  record Received(String key, JsonNode notification, long atNanos) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();

  WebhookSubscriber(int failFirst, int status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/events", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int code;
      if (refused.get() < failFirst || status != 200) {
        refused.incrementAndGet();
        code = status != 200 ? status : 503;
      } else {
        long now = System.nanoTime();
        synchronized (received) {
          for (JsonNode event : JSON.readTree(body).get("events")) {
            received.add(new Received(event.get("key").asText(), event, now));
          }
        }
        code = 200;
      }
      exchange.sendResponseHeaders(code, -1);
      exchange.close();
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
