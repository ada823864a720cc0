package org.adcs.headend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a test node's API as a given caller: the bootstrap administrator that {@link TestNodes}
 * configures logs in and creates the principals and tokens a test needs.
 */
public final class ApiClient {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "integration-test-admin";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String baseUrl;
  private final HttpClient http;

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
    return send(method, path, token, jsonBody, null);
  }

  /** {@code GET path} asking for the {@code accept} media type (content negotiation). */
  public HttpResponse<String> get(String path, String token, String accept) {
    return send("GET", path, token, null, accept);
  }

  private HttpResponse<String> send(String method, String path, String token, String jsonBody, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code method path} with the token (if any) as bearer and a binary body of {@code contentType} (a field dump). */
  public HttpResponse<String> sendBytes(String method, String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
