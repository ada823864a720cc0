package org.adcs.headend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a test node's API as a given caller: the bootstrap administrator that {@link TestNodes}
 * configures logs in and creates the principals and tokens a test needs. Every exchange is checked
 * against the API's OpenAPI document ({@link OpenApiContract}) and kept in {@link #calls()}.
 */
public final class ApiClient {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "integration-test-admin";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String baseUrl;
  private final HttpClient http;
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  /** One exchange this client made: what was asked and the status it got. */
  public record Call(String method, String pathAndQuery, int status, String operationId) {}

  /** A server-sent-event stream's first answer: its status and content type (the stream is closed). */
  public record StreamStart(int status, String contentType, String body) {}

  public ApiClient(String baseUrl) {
    this(baseUrl, HttpClient.newBuilder());
  }

  /** Over HTTPS, trusting {@code tls}'s certificates. */
  public ApiClient(String baseUrl, javax.net.ssl.SSLContext tls) {
    this(baseUrl, HttpClient.newBuilder().sslContext(tls));
  }

  private ApiClient(String baseUrl, HttpClient.Builder client) {
    this.baseUrl = baseUrl;
    this.http = client.connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A session token for a person's login. */
  public String login(String user, String password) {
    HttpResponse<String> r = send("POST", "/api/v1/auth/login", null,
        JSON.createObjectNode().put("username", user).put("password", password).toString());
    return field(r, 200, "token");
  }

  public String adminToken() {
    return login(ADMIN, ADMIN_PASSWORD);
  }

  /** A new principal in {@code role} (e.g. {@code operator}) and an API token for it. */
  public String tokenFor(String name, String role) {
    String admin = adminToken();
    HttpResponse<String> created = send("POST", "/api/v1/admin/principals", admin,
        JSON.createObjectNode().put("name", name).put("role", role).toString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("principal " + name + " not created: " + created.statusCode() + " " + created.body());
    }
    return field(send("POST", "/api/v1/admin/principals/" + name + "/tokens", admin, "{}"), 201, "token");
  }

  /** A new person in {@code role} who logs in with {@code password} (at least 12 characters), as at the console. */
  public void createPerson(String name, String role, String password) {
    HttpResponse<String> created = send("POST", "/api/v1/admin/principals", adminToken(),
        JSON.createObjectNode().put("name", name).put("role", role).put("password", password).toString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("person " + name + " not created: " + created.statusCode() + " " + created.body());
    }
  }

  /** {@code method path} with the token (if any) as bearer and the JSON body (if any). */
  public HttpResponse<String> send(String method, String path, String token, String jsonBody) {
    return send(method, path, token, jsonBody, jsonBody == null ? null : "application/json");
  }

  /** {@code method path} with a body of the given content type, e.g. to check a refusal of text. */
  public HttpResponse<String> send(String method, String path, String token, String body, String contentType) {
    return exchange(method, path, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8), body, contentType,
        null);
  }

  /** {@code GET path} asking for the {@code accept} media type (content negotiation: CSV, XML). */
  public HttpResponse<String> get(String path, String token, String accept) {
    return exchange("GET", path, token, null, null, null, accept);
  }

  /** {@code method path} with a binary body of {@code contentType} (a field dump). */
  public HttpResponse<String> sendBytes(String method, String path, String token, String contentType, byte[] body) {
    // The contract sees the bytes one char each, so the validator can measure and check the body.
    return exchange(method, path, token, body, new String(body, StandardCharsets.ISO_8859_1), contentType, null);
  }

  private HttpResponse<String> exchange(String method, String path, String token, byte[] bytes, String body,
      String contentType, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    checked(method, path, token, body, contentType, response.statusCode(), response.headers(), response.body());
    return response;
  }

  /** Opens a server-sent-event stream, takes its status and content type, and closes it. */
  public StreamStart openStream(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "text/event-stream").GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<InputStream> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
          .get(30, TimeUnit.SECONDS);
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      String body;
      try (InputStream in = response.body()) {
        // An error is a small problem document; a stream is left unread.
        body = contentType.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      checked("GET", path, token, null, null, response.statusCode(), response.headers(), body);
      return new StreamStart(response.statusCode(), contentType, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("stream " + path + " did not start: " + e, e);
    }
  }

  private void checked(String method, String path, String token, String body, String contentType, int status,
      HttpHeaders headers, String responseBody) {
    Optional<OpenApiContract.Operation> op = OpenApiContract.get().check(new OpenApiContract.Exchange(method, path,
        Optional.ofNullable(contentType), body, Optional.ofNullable(token).map(t -> "Bearer " + t), status,
        headers.firstValue("Content-Type"), responseBody, headers.map()));
    calls.add(new Call(method, path, status, op.map(OpenApiContract.Operation::id).orElse("undocumented")));
  }

  /** Every exchange so far, in order. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String field(HttpResponse<String> r, int status, String name) {
    if (r.statusCode() != status) {
      throw new IllegalStateException("expected " + status + ", got " + r.statusCode() + ": " + r.body());
    }
    return json(r).get(name).asText();
  }
}
