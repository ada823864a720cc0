package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the API tests and the check that an answer is the RFC 7807 problem expected. */
public final class ProblemAssertions {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient http = HttpClient.newHttpClient();

  private ProblemAssertions() {}

  public static JsonNode assertProblem(HttpResponse<String> response, int status, String title) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode problem = JSON.readTree(response.body());
    assertEquals(title, problem.get("title").asText());
    assertEquals(status, problem.get("status").asInt());
    assertTrue(!problem.get("detail").asText().isBlank());
    return problem;
  }

  static HttpResponse<String> postJson(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postText(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain")
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> send(String method, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }
}
