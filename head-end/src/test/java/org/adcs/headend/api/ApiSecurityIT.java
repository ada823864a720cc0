package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.SseClient;
import org.adcs.headend.testing.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's security over real HTTPS (the development certificate the node creates on its first
 * start) against a real node (H2 journal database, real Cassandra):
 * authentication (R-OPS-3), authorisation by role and third parties' meters, curtailment and
 * request limits (R-OPS-2, R-DAT-4), rotation and revocation, problem answers for bad input, and
 * the audit of every access (R-OPS-1).
 */
class ApiSecurityIT {

  private static HeadEnd headEnd;
  private static javax.net.ssl.SSLContext tls;
  private static ApiClient api;
  private static String admin;
  private static final Map<String, String> tokens = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("api-security"), "adcs_api_it");
    env.put("ADCS_API_THIRD_PARTY_LIMIT_BURST", "8");
    env.put("ADCS_API_THIRD_PARTY_LIMIT_PER_SECOND", "1");
    env.put("ADCS_HTTP_TLS_MODE", "development");
    headEnd = HeadEnd.start(TestNodes.settings(env));
    tls = TestNodes.trusting(headEnd.settings().dataDirectory());
    api = new ApiClient(headEnd.httpUrl(), tls);
    admin = api.adminToken();
    for (String role : List.of("operator", "field-tool", "downstream-system", "third-party")) {
      tokens.put(role, api.tokenFor("table-" + role, role));
    }
    tokens.put("administrator", admin);
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  @Test
  void theApiSpeaksOnlyTlsWithTheCertificateMadeForThisNode() {
    assertTrue(headEnd.httpUrl().startsWith("https://"), headEnd.httpUrl());
    String plain = headEnd.httpUrl().replace("https://", "http://");
    assertThrows(java.io.IOException.class, () -> java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(plain + "/health"))
            .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()),
        "plain HTTP gets no answer");
    assertThrows(java.io.IOException.class, () -> java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(headEnd.httpUrl() + "/health"))
            .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()),
        "a client that does not trust the node's certificate cannot connect");
    assertEquals(200, api.send("GET", "/health", null, null).statusCode());
  }

  @Test
  void probesAreOpenAndEverythingElseWantsAValidBearerToken() {
    assertEquals(200, api.send("GET", "/health", null, null).statusCode());
    HttpResponse<String> none = api.send("GET", "/api/v1/subscriptions", null, null);
    assertProblem(none, 401);
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"adcs\""));
    HttpResponse<String> forged = api.send("GET", "/api/v1/subscriptions", "adcs_not-a-token", null);
    assertProblem(forged, 401);
    assertTrue(forged.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
    assertProblem(api.send("GET", "/api/v1/nothing-here", null, null), 401);
    assertProblem(api.send("POST", "/api/v1/auth/login", null,
        "{\"username\":\"" + ApiClient.ADMIN + "\",\"password\":\"wrong-password\"}"), 401);
    assertProblem(api.send("POST", "/api/v1/auth/login", null, "{\"username\":\"nobody\",\"password\":\"x\"}"), 401);
  }

  /** Role x route: each role can do what it must and nothing else. */
  @Test
  void eachRoleReachesItsRoutesAndIsRefusedTheOthers() {
    record Case(String method, String path, Map<String, Integer> statusByRole) {}
    List<Case> table = List.of(
        new Case("GET", "/api/v1/subscriptions", Map.of("operator", 403, "field-tool", 403,
            "downstream-system", 200, "third-party", 403, "administrator", 200)),
        new Case("GET", "/api/v1/admin/principals", Map.of("operator", 403, "field-tool", 403,
            "downstream-system", 403, "third-party", 403, "administrator", 200)),
        new Case("GET", "/api/v1/audit", Map.of("operator", 200, "field-tool", 403,
            "downstream-system", 403, "third-party", 403, "administrator", 200)),
        // 404: past the guard, the meter is not registered; a third party owns no meter here.
        new Case("POST", "/api/v1/meters/NOTREGISTERED/reads", Map.of("operator", 404, "field-tool", 404,
            "downstream-system", 403, "third-party", 403, "administrator", 403)),
        new Case("GET", "/api/v1/parties/table-third-party/curtailment", Map.of("operator", 200, "field-tool", 403,
            "downstream-system", 403, "third-party", 403, "administrator", 200)),
        new Case("GET", "/api/v1/auth/me", Map.of("operator", 200, "field-tool", 200,
            "downstream-system", 200, "third-party", 200, "administrator", 200)),
        new Case("GET", "/api/v1/no-such-route", Map.of("operator", 404, "field-tool", 403,
            "downstream-system", 403, "third-party", 403, "administrator", 404)));
    List<String> wrong = new ArrayList<>();
    for (Case c : table) {
      c.statusByRole().forEach((role, expected) -> {
        HttpResponse<String> r = api.send(c.method(), c.path(), tokens.get(role), null);
        if (r.statusCode() != expected) {
          wrong.add(role + " " + c.method() + " " + c.path() + ": " + r.statusCode() + " not " + expected + " " + r.body());
        } else if (expected >= 400) {
          assertProblem(r, expected);
        }
      });
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    JsonNode me = ApiClient.json(api.send("GET", "/api/v1/auth/me", tokens.get("third-party"), null));
    assertEquals("table-third-party", me.get("name").asText());
    assertEquals("third-party", me.get("role").asText());
  }

  @Test
  void aThirdPartySeesOnlyItsOwnMetersAndAnOperatorCanCurtailIt() throws Exception {
    String esco = api.tokenFor("esco-north", "third-party");
    assertEquals(200, api.send("PUT", "/api/v1/admin/parties/esco-north/meters", admin,
        "{\"meterIds\":[\"ESCO00000001\",\"ESCO00000002\"]}").statusCode());
    assertEquals("[\"ESCO00000001\",\"ESCO00000002\"]", ApiClient.json(
        api.send("GET", "/api/v1/admin/parties/esco-north/meters", admin, null)).get("meterIds").toString());

    HttpResponse<String> own = api.send("POST", "/api/v1/meters/ESCO00000001/reads", esco, null);
    assertEquals(404, own.statusCode(), "its own meter passes the guard; the node has not met it: " + own.body());
    HttpResponse<String> foreign = api.send("POST", "/api/v1/meters/SIM00000001/reads", esco, null);
    assertProblem(foreign, 403);
    assertTrue(ApiClient.json(foreign).get("detail").asText().contains("SIM00000001"), foreign.body());
    assertProblem(api.send("GET", "/api/v1/events/stream", esco, null), 403);
    assertProblem(api.send("GET", "/api/v1/events/stream?meter=ESCO00000001,SIM00000001", esco, null), 403);
    try (SseClient stream = new SseClient(headEnd.httpUrl() + "/api/v1/events/stream?meter=ESCO00000001",
        Optional.empty(), esco, tls)) {
      assertEquals(200, stream.status(), "its own meter's events");
    }

    String operator = tokens.get("operator");
    assertProblem(api.send("PUT", "/api/v1/parties/esco-north/curtailment", esco,
        "{\"curtailed\":false}"), 403);
    HttpResponse<String> curtailed = api.send("PUT", "/api/v1/parties/esco-north/curtailment", operator,
        "{\"curtailed\":true,\"reason\":\"over its monthly read quota\"}");
    assertEquals(200, curtailed.statusCode(), curtailed.body());
    assertTrue(ApiClient.json(curtailed).get("curtailed").asBoolean());
    HttpResponse<String> refused = api.send("GET", "/api/v1/auth/me", esco, null);
    assertProblem(refused, 403);
    assertTrue(refused.body().contains("over its monthly read quota"), refused.body());
    assertEquals(200, api.send("PUT", "/api/v1/parties/esco-north/curtailment", operator,
        "{\"curtailed\":false}").statusCode());
    assertEquals(200, api.send("GET", "/api/v1/auth/me", esco, null).statusCode());
    assertProblem(api.send("PUT", "/api/v1/parties/table-operator/curtailment", operator,
        "{\"curtailed\":true,\"reason\":\"x\"}"), 404);
  }

  @Test
  void aThirdPartyOverItsLimitIsToldToWait() {
    String esco = api.tokenFor("esco-limited", "third-party");
    int served = 0;
    HttpResponse<String> limited = null;
    for (int i = 0; i < 60 && limited == null; i++) {
      HttpResponse<String> r = api.send("GET", "/api/v1/auth/me", esco, null);
      if (r.statusCode() == 429) {
        limited = r;
      } else {
        assertEquals(200, r.statusCode(), r.body());
        served++;
      }
    }
    if (limited == null) {
      fail("60 requests at once never reached a limit of 8 plus 1 a second");
    }
    assertTrue(served >= 8, "the burst of 8 is served first, served " + served);
    assertProblem(limited, 429);
    assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    assertEquals(200, api.send("GET", "/api/v1/auth/me", tokens.get("operator"), null).statusCode(),
        "other callers are not held back");
  }

  @Test
  void tokensRotateAndRevokeAndNoListingShowsASecret() throws Exception {
    HttpResponse<String> created = api.send("POST", "/api/v1/admin/principals", admin,
        "{\"name\":\"field-tablet-7\",\"role\":\"field-tool\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode issued = ApiClient.json(api.send("POST", "/api/v1/admin/principals/field-tablet-7/tokens", admin,
        "{\"validDays\":30}"));
    String first = issued.get("token").asText();
    assertEquals(200, api.send("GET", "/api/v1/auth/me", first, null).statusCode());

    JsonNode rotated = ApiClient.json(api.send("POST", "/api/v1/admin/tokens/" + issued.get("id").asText()
        + "/rotate", admin, null));
    String second = rotated.get("token").asText();
    assertNotEquals(first, second);
    assertProblem(api.send("GET", "/api/v1/auth/me", first, null), 401);
    assertEquals(200, api.send("GET", "/api/v1/auth/me", second, null).statusCode());
    assertProblem(api.send("POST", "/api/v1/admin/tokens/" + issued.get("id").asText() + "/rotate", admin, null), 404);

    String listing = api.send("GET", "/api/v1/admin/principals/field-tablet-7/tokens", admin, null).body();
    assertEquals(2, ApiClient.json(api.send("GET", "/api/v1/admin/principals/field-tablet-7/tokens", admin, null))
        .get("tokens").size(), "the rotated token stays listed, revoked");
    assertFalse(listing.contains(first) || listing.contains(second) || listing.contains("\"token\""), listing);
    String principals = api.send("GET", "/api/v1/admin/principals", admin, null).body();
    assertTrue(principals.contains("field-tablet-7"));
    assertFalse(principals.contains("pbkdf2") || principals.contains(ApiClient.ADMIN_PASSWORD), principals);

    // The system rotates its own token.
    JsonNode own = ApiClient.json(api.send("POST", "/api/v1/auth/rotate", second, null));
    String third = own.get("token").asText();
    assertProblem(api.send("GET", "/api/v1/auth/me", second, null), 401);
    assertEquals("field-tablet-7", ApiClient.json(api.send("GET", "/api/v1/auth/me", third, null)).get("name").asText());

    assertEquals(204, api.send("DELETE", "/api/v1/admin/tokens/" + own.get("id").asText(), admin, null).statusCode());
    assertProblem(api.send("GET", "/api/v1/auth/me", third, null), 401);

    // People log in and out; a disabled principal's tokens stop working.
    assertEquals(201, api.send("POST", "/api/v1/admin/principals", admin,
        "{\"name\":\"dana@utility\",\"role\":\"operator\",\"password\":\"operator-password-1\"}").statusCode());
    String session = api.login("dana@utility", "operator-password-1");
    assertEquals("operator", ApiClient.json(api.send("GET", "/api/v1/auth/me", session, null)).get("role").asText());
    assertEquals(204, api.send("POST", "/api/v1/auth/logout", session, null).statusCode());
    assertProblem(api.send("GET", "/api/v1/auth/me", session, null), 401);
    String again = api.login("dana@utility", "operator-password-1");
    assertEquals(204, api.send("DELETE", "/api/v1/admin/principals/dana@utility", admin, null).statusCode());
    assertProblem(api.send("GET", "/api/v1/auth/me", again, null), 401);
    assertProblem(api.send("POST", "/api/v1/auth/login", null,
        "{\"username\":\"dana@utility\",\"password\":\"operator-password-1\"}"), 401);
  }

  @Test
  void badInputGetsAProblemNeverAServerError() {
    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    answers.put("400 role", api.send("POST", "/api/v1/admin/principals", admin, "{\"name\":\"x\",\"role\":\"king\"}"));
    answers.put("400 name", api.send("POST", "/api/v1/admin/principals", admin, "{\"name\":\"a b\",\"role\":\"operator\"}"));
    answers.put("400 password", api.send("POST", "/api/v1/admin/principals", admin,
        "{\"name\":\"short\",\"role\":\"operator\",\"password\":\"short\"}"));
    answers.put("400 json", api.send("POST", "/api/v1/admin/principals", admin, "{\"name\":"));
    answers.put("400 array", api.send("POST", "/api/v1/admin/principals", admin, "[1,2]"));
    answers.put("409 exists", api.send("POST", "/api/v1/admin/principals", admin,
        "{\"name\":\"table-operator\",\"role\":\"operator\"}"));
    answers.put("400 days", api.send("POST", "/api/v1/admin/principals/table-operator/tokens", admin,
        "{\"validDays\":1000}"));
    answers.put("404 principal", api.send("POST", "/api/v1/admin/principals/nobody/tokens", admin, "{}"));
    answers.put("404 token", api.send("DELETE", "/api/v1/admin/tokens/no-such-token", admin, null));
    answers.put("400 meters", api.send("PUT", "/api/v1/admin/parties/table-third-party/meters", admin,
        "{\"meterIds\":[\"ok\",\"not ok\"]}"));
    answers.put("404 party", api.send("PUT", "/api/v1/admin/parties/table-operator/meters", admin,
        "{\"meterIds\":[]}"));
    answers.put("400 curtail", api.send("PUT", "/api/v1/parties/table-third-party/curtailment", admin,
        "{\"curtailed\":\"yes\"}"));
    answers.put("400 from", api.send("GET", "/api/v1/audit?from=yesterday", admin, null));
    answers.put("400 limit", api.send("GET", "/api/v1/audit?limit=0", admin, null));
    answers.put("400 login", api.send("POST", "/api/v1/auth/login", null, "{\"username\":\"\"}"));
    answers.put("400 misspelt field", api.send("POST", "/api/v1/admin/principals", admin,
        "{\"name\":\"typo\",\"role\":\"operator\",\"pasword\":\"operator-password-1\"}"));
    answers.put("400 name type", api.send("POST", "/api/v1/admin/principals", admin, "{\"name\":7,\"role\":\"operator\"}"));
    answers.put("400 login field", api.send("POST", "/api/v1/auth/login", null,
        "{\"username\":\"" + ApiClient.ADMIN + "\",\"password\":\"" + ApiClient.ADMIN_PASSWORD + "\",\"otp\":1}"));
    answers.put("400 reason type", api.send("PUT", "/api/v1/parties/table-third-party/curtailment", admin,
        "{\"curtailed\":true,\"reason\":7}"));
    answers.put("400 days field", api.send("POST", "/api/v1/admin/principals/table-operator/tokens", admin,
        "{\"validdays\":30}"));
    answers.put("414 uri", api.send("GET", "/api/v1/audit?who=" + "x".repeat(20_000), admin, null));
    answers.put("404 route", api.send("GET", "/api/v1/admin/nothing", admin, null));
    answers.put("405 method", api.send("PATCH", "/api/v1/admin/principals", admin, "{}"));
    HttpResponse<String> text = api.send("POST", "/api/v1/auth/login", null, null);
    answers.put("415 type", text);
    StringBuilder wrong = new StringBuilder();
    answers.forEach((expected, r) -> {
      int status = Integer.parseInt(expected.substring(0, 3));
      if (r.statusCode() != status || !r.headers().firstValue("Content-Type").orElse("").startsWith(
          "application/problem+json") || r.body().contains("Exception")) {
        wrong.append(expected).append(": ").append(r.statusCode()).append(' ')
            .append(r.headers().firstValue("Content-Type").orElse("")).append(' ').append(r.body()).append('\n');
      }
    });
    assertEquals("", wrong.toString());
  }

  @Test
  void everyAccessIsInTheAuditLogWithWhoWhatStatusAndSize() throws Exception {
    String esco = api.tokenFor("esco-audited", "third-party");
    api.send("PUT", "/api/v1/admin/parties/esco-audited/meters", admin, "{\"meterIds\":[\"AUD00000001\"]}");
    assertEquals(200, api.send("GET", "/api/v1/auth/me", esco, null).statusCode());
    assertEquals(403, api.send("POST", "/api/v1/meters/SIM00000009/reads", esco, null).statusCode());
    String operator = tokens.get("operator");

    List<JsonNode> entries = awaitAudit(operator, "who=esco-audited", e -> e.size() >= 2);
    JsonNode me = entries.stream().filter(e -> e.get("path").asText().equals("/api/v1/auth/me")).findFirst().orElseThrow();
    assertEquals("third-party", me.get("role").asText());
    assertEquals("GET", me.get("method").asText());
    assertEquals(200, me.get("status").asInt());
    assertTrue(me.get("responseBytes").asLong() > 20, me.toString());
    JsonNode refused = entries.stream().filter(e -> e.get("status").asInt() == 403).findFirst().orElseThrow();
    assertEquals("/api/v1/meters/SIM00000009/reads", refused.get("path").asText());
    assertEquals("[\"SIM00000009\"]", refused.get("meterIds").toString());
    assertTrue(entries.stream().allMatch(e -> e.get("who").asText().equals("esco-audited")));

    // Unauthenticated calls are recorded too, with no one as who; liveness probes are not.
    assertEquals(200, api.send("GET", "/health", null, null).statusCode());
    api.send("GET", "/api/v1/audit-probe-without-token", null, null);
    List<JsonNode> anonymous = awaitAudit(operator, "limit=1000", e -> e.stream().anyMatch(x ->
        x.get("path").asText().equals("/api/v1/audit-probe-without-token")));
    JsonNode probe = anonymous.stream().filter(x -> x.get("path").asText().equals("/api/v1/audit-probe-without-token"))
        .findFirst().orElseThrow();
    assertTrue(probe.get("who").isNull());
    assertEquals(401, probe.get("status").asInt());
    assertTrue(anonymous.size() < 1000 && anonymous.stream().noneMatch(x -> x.get("path").asText().equals("/health")));

    // Pages follow each other in order, without overlap.
    JsonNode page1 = ApiClient.json(api.send("GET", "/api/v1/audit?limit=2", operator, null));
    assertEquals(2, page1.get("entries").size());
    String next = page1.get("next").asText();
    JsonNode page2 = ApiClient.json(api.send("GET", next, operator, null));
    assertTrue(page2.get("entries").get(0).get("id").asLong() > page1.get("entries").get(1).get("id").asLong());
    assertTrue(ApiClient.json(api.send("GET", "/api/v1/audit?who=esco-audited&from=2000-01-01T00:00:00Z"
        + "&to=2000-01-02T00:00:00Z", operator, null)).get("entries").isEmpty(), "the period filters");
  }

  private static List<JsonNode> awaitAudit(String token, String query, Predicate<List<JsonNode>> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      HttpResponse<String> r = api.send("GET", "/api/v1/audit?" + query, token, null);
      assertEquals(200, r.statusCode(), r.body());
      List<JsonNode> entries = new ArrayList<>();
      ApiClient.json(r).get("entries").forEach(entries::add);
      if (done.test(entries)) {
        return entries;
      }
      if (System.nanoTime() > deadline) {
        fail("audit log did not show the accesses within 30 s: " + r.body());
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  /**
   * A body refused before it is read (no token here) is still read to its end before the answer goes
   * out: the client sees its 401 instead of a reset connection, and the connection stays open for the
   * next request. Two 3 MB uploads on one connection: without the drain the server closes it after
   * the first answer (or resets it during the upload).
   */
  @Test
  void aRefusedUploadIsReadToItsEndSoTheClientGetsTheAnswerAndKeepsItsConnection() throws Exception {
    java.net.URI base = java.net.URI.create(headEnd.httpUrl());
    byte[] body = new byte[3 << 20];
    java.util.Arrays.fill(body, (byte) ' ');
    try (java.net.Socket socket = tls.getSocketFactory().createSocket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      java.io.OutputStream out = socket.getOutputStream();
      java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      for (int upload = 1; upload <= 2; upload++) {
        out.write(("POST /api/v1/mass-reads HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json"
            + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        List<String> head = new ArrayList<>();
        for (String line = headerLine(in); !line.isEmpty(); line = headerLine(in)) {
          head.add(line);
        }
        assertTrue(!head.isEmpty() && head.get(0).startsWith("HTTP/1.1 401"), "upload " + upload + ": " + head);
        assertFalse(head.stream().anyMatch(h -> h.equalsIgnoreCase("Connection: close")), "upload " + upload + ": " + head);
        int length = head.stream().filter(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
            .map(h -> Integer.parseInt(h.substring(h.indexOf(':') + 1).trim())).findFirst().orElse(0);
        assertEquals(length, in.readNBytes(length).length, "upload " + upload + ": the whole problem document");
      }
    }
  }

  private static String headerLine(java.io.InputStream in) throws java.io.IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new java.io.EOFException("connection closed after " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static void assertProblem(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        r.headers().map().toString());
    JsonNode problem = ApiClient.json(r);
    assertEquals(status, problem.get("status").asInt());
    assertFalse(problem.get("detail").asText().isBlank());
  }
}
