package org.adcs.headend.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent-event client over real HTTP: parses the stream's events and counts heartbeats:
 * comment lines and events without data, which an EventSource does not dispatch. */
public final class SseClient implements AutoCloseable {

  public record Event(String id, String type, String data) {}

  private final List<Event> events = new ArrayList<>();
  private final Thread reader;
  private volatile Stream<String> lines;
  private volatile int status;
  private volatile String contentType;
  private volatile int heartbeats;

  public SseClient(String url, Optional<String> lastEventId, String token) throws Exception {
    this(url, lastEventId, token, HttpClient.newBuilder());
  }

  /** Over HTTPS, trusting {@code tls}'s certificates. */
  public SseClient(String url, Optional<String> lastEventId, String token, javax.net.ssl.SSLContext tls)
      throws Exception {
    this(url, lastEventId, token, HttpClient.newBuilder().sslContext(tls));
  }

  private SseClient(String url, Optional<String> lastEventId, String token, HttpClient.Builder client)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
        .header("Authorization", "Bearer " + token);
    lastEventId.ifPresent(id -> request.header("Last-Event-ID", id));
    HttpResponse<Stream<String>> response = client.connectTimeout(Duration.ofSeconds(5)).build()
        .sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines()).get(15, TimeUnit.SECONDS);
    status = response.statusCode();
    contentType = response.headers().firstValue("Content-Type").orElse("");
    lines = response.body();
    reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    String id = null;
    String type = null;
    StringBuilder data = new StringBuilder();
    try {
      for (var it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.isEmpty()) {
          if (data.length() > 0) {
            synchronized (events) {
              events.add(new Event(id, type, data.toString()));
            }
          } else if (id == null && type == null) {
            heartbeats++;
          }
          id = null;
          type = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          heartbeats++;
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (RuntimeException closed) {
      // the test closed the stream
    }
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  public int heartbeats() {
    return heartbeats;
  }

  public List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  @Override
  public void close() {
    lines.close();
  }
}
