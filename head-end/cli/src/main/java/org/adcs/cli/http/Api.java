package org.adcs.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The head-end's HTTP API as the command line uses it: bearer token, JSON in and out, and every
 * failure turned into an {@link ApiFailure} whose message is the server's RFC 7807 problem (title and
 * detail) or says what to check when the server cannot be reached.
 */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI server;
  private final Optional<String> token;
  private final HttpClient http;
  private final Duration timeout;

  public Api(URI server, Optional<String> token, SSLContext tls, Duration timeout) {
    this.server = server;
    this.token = token;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }

  public URI server() {
    return server;
  }

  public JsonNode get(String path) {
    return send("GET", path, null, Optional.empty()).body();
  }

  public Answer post(String path, JsonNode body) {
    return send("POST", path, body, Optional.empty());
  }

  public Answer send(String method, String path, JsonNode body, Optional<String> prefer) {
    HttpResponse<String> response = exchange(method, path, body, prefer, "application/json");
    return new Answer(response.statusCode(), parse(response.body()));
  }

  /** POSTs a file's bytes as {@code application/octet-stream} (a field dump); the answer is JSON. */
  public Answer upload(String path, byte[] content) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(timeout)
        .header("Accept", "application/json").header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(content));
    HttpResponse<String> response = exchange(request, "POST", path);
    return new Answer(response.statusCode(), parse(response.body()));
  }

  /** A GET answered in another format than JSON (CSV), as text. */
  public String text(String path, String accept) {
    return exchange("GET", path, null, Optional.empty(), accept).body();
  }

  private HttpResponse<String> exchange(String method, String path, JsonNode body, Optional<String> prefer, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(timeout)
        .header("Accept", accept)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    prefer.ifPresent(p -> request.header("Prefer", p));
    return exchange(request, method, path);
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request, String method, String path) {
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new ApiFailure(ExitCode.UNREACHABLE, "cannot connect to " + server + " (" + describe(e)
          + "); check --server / ADCS_SERVER and that the head-end runs");
    } catch (HttpTimeoutException e) {
      throw new ApiFailure(ExitCode.UNREACHABLE, method + " " + path + ": no answer from " + server + " within "
          + timeout.toSeconds() + " s; try --timeout or the request's asynchronous form");
    } catch (SSLException e) {
      throw new ApiFailure(ExitCode.UNREACHABLE, "TLS with " + server + " failed (" + describe(e) + "); give the server's"
          + " certificate with --trust FILE.p12 (the development one is var/tls/development.p12), or --insecure for a"
          + " development server");
    } catch (IOException e) {
      throw new ApiFailure(ExitCode.UNREACHABLE, "talking to " + server + " failed: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiFailure(ExitCode.UNREACHABLE, "interrupted");
    }
    if (response.statusCode() >= 400) {
      throw new ApiFailure(ExitCode.forStatus(response.statusCode()), problem(response.statusCode(), parse(response.body()),
          response.body()));
    }
    return response;
  }

  /** A successful answer: its status (200, 201, 202, 204) and JSON body (empty object when none). */
  public record Answer(int status, JsonNode body) {}

  public static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("text", body);
    }
  }

  private static String problem(int status, JsonNode body, String raw) {
    String title = body.path("title").asText("");
    String detail = body.path("detail").asText("");
    String hint = switch (status) {
      case 401 -> " (log in again: adcs login)";
      case 403 -> " (your role may not do this; ask an administrator)";
      default -> "";
    };
    if (title.isEmpty() && detail.isEmpty()) {
      return "HTTP " + status + (raw == null || raw.isBlank() ? "" : ": " + raw.strip()) + hint;
    }
    return title + (detail.isEmpty() ? "" : ": " + detail) + " (HTTP " + status + ")" + hint;
  }

  private static String describe(Exception e) {
    if (e.getMessage() != null) {
      return e.getMessage();
    }
    return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
  }
}
