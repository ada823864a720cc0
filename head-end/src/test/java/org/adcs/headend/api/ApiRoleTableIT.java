package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.api.security.Role;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.OpenApiContract;
import org.adcs.headend.testing.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Role x route over real HTTPS against a real node (H2 journal, real Cassandra), generated from the
 * served OpenAPI document (R-OPS-1, R-OPS-2): every documented operation is called with every role's
 * token and answers 403 exactly when the role is not among its {@code x-adcs-roles}; a third party is
 * refused meters it does not own and a curtailed party everything; and every call of the run is in
 * the audit log. ApiClient checks each exchange against the document as well.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiRoleTableIT {

  private static final String OWN_METER = "ROLE00000001";
  private static final String FOREIGN_METER = "SIM00000001";
  private static final String PERSON = "roles-person";
  private static final String PERSON_PASSWORD = "roles-person-password";
  /** The third party whose meters and curtailment the administration operations are called on. */
  private static final String TARGET_PARTY = "roles-target";
  /** Operations that spend the token they are called with (revoke or replace it). */
  private static final Set<String> SPEND_TOKEN = Set.of("authLogout", "authRotate");

  private static HeadEnd headEnd;
  private static ApiClient api;
  private static String admin;
  private static Instant started;
  private static final Map<String, String> tokens = new LinkedHashMap<>();
  private static final AtomicInteger created = new AtomicInteger();

  @BeforeAll
  static void start() {
    started = Instant.now().minusSeconds(1);
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("api-roles"), "adcs_api_roles_it");
    // Well above what the table asks, so every answer is the route's and not the request limit's.
    env.put("ADCS_API_THIRD_PARTY_LIMIT_BURST", "10000");
    env.put("ADCS_API_THIRD_PARTY_LIMIT_PER_SECOND", "1000");
    env.put("ADCS_HTTP_TLS_MODE", "development");
    headEnd = HeadEnd.start(TestNodes.settings(env));
    api = new ApiClient(headEnd.httpUrl(), TestNodes.trusting(headEnd.settings().dataDirectory()));
    admin = api.adminToken();
    for (Role role : Role.values()) {
      tokens.put(role.wire(), api.tokenFor(principal(role.wire()), role.wire()));
    }
    api.tokenFor(TARGET_PARTY, "third-party");
    assertEquals(200, api.send("PUT", "/api/v1/admin/parties/" + principal("third-party") + "/meters", admin,
        "{\"meterIds\":[\"" + OWN_METER + "\"]}").statusCode());
    assertEquals(201, api.send("POST", "/api/v1/admin/principals", admin, "{\"name\":\"" + PERSON
        + "\",\"role\":\"operator\",\"password\":\"" + PERSON_PASSWORD + "\"}").statusCode());
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  @Test
  @Order(1)
  void eachRoleReachesExactlyTheOperationsTheDocumentGivesIt() {
    List<OpenApiContract.Operation> operations = OpenApiContract.get().operations();
    assertTrue(operations.size() >= 30, "the document's operations: " + operations.size());
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (OpenApiContract.Operation op : operations) {
      for (Role role : Role.values()) {
        String token = SPEND_TOKEN.contains(op.id()) ? freshToken(role.wire()) : tokens.get(role.wire());
        int status = call(op, token);
        calls++;
        boolean allowed = op.roles().contains(role.wire());
        if (allowed && (status == 401 || status == 403 || status == 429)) {
          wrong.add(role.wire() + " is allowed " + op.id() + " but got " + status);
        } else if (!allowed && status != 403) {
          wrong.add(role.wire() + " is not allowed " + op.id() + " but got " + status);
        }
      }
    }
    assertTrue(wrong.isEmpty(), calls + " calls, wrong:\n" + String.join("\n", wrong));
  }

  @Test
  @Order(2)
  void aThirdPartyIsRefusedEveryMeterItDoesNotOwn() {
    String party = tokens.get("third-party");
    assertProblem(api.send("POST", "/api/v1/meters/" + FOREIGN_METER + "/reads", party, null), 403, FOREIGN_METER);
    for (String stream : List.of("/api/v1/events/stream", "/api/v1/readings/stream")) {
      assertProblem(stream(stream + "?meter=" + FOREIGN_METER, party), 403, FOREIGN_METER);
      assertProblem(stream(stream + "?meter=" + OWN_METER + "," + FOREIGN_METER, party), 403, FOREIGN_METER);
      assertProblem(stream(stream, party), 403, "names the meters");
      assertEquals(200, api.openStream(stream + "?meter=" + OWN_METER, party).status(), "its own meter's " + stream);
    }
    assertEquals(404, api.send("POST", "/api/v1/meters/" + OWN_METER + "/reads", party, null).statusCode(),
        "its own meter passes the guard; no such meter has contacted the node");
    assertEquals(404, api.send("POST", "/api/v1/meters/" + FOREIGN_METER + "/reads", tokens.get("operator"), null)
        .statusCode(), "an operator reaches any meter");
  }

  @Test
  @Order(4)
  void aCurtailedPartyIsRefusedEveryOperationUntilTheCurtailmentIsLifted() {
    String party = api.tokenFor("roles-curtailed", "third-party");
    api.send("PUT", "/api/v1/admin/parties/roles-curtailed/meters", admin, "{\"meterIds\":[\"" + OWN_METER + "\"]}");
    String operator = tokens.get("operator");
    assertEquals(200, api.send("PUT", "/api/v1/parties/roles-curtailed/curtailment", operator,
        "{\"curtailed\":true,\"reason\":\"unpaid invoices\"}").statusCode());
    List<String> wrong = new ArrayList<>();
    for (OpenApiContract.Operation op : OpenApiContract.get().operations()) {
      if (!op.roles().contains("third-party") || op.open()) {
        continue;
      }
      int status = call(op, party);
      if (status != 403) {
        wrong.add(op.id() + " answered a curtailed party " + status);
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    HttpResponse<String> refused = api.send("GET", "/api/v1/auth/me", party, null);
    assertProblem(refused, 403, "unpaid invoices");
    assertEquals(200, api.send("GET", "/api/v1/openapi.json", party, null).statusCode(), "open routes stay open");
    assertEquals(200, api.send("PUT", "/api/v1/parties/roles-curtailed/curtailment", operator,
        "{\"curtailed\":false}").statusCode());
    assertEquals(200, api.send("GET", "/api/v1/auth/me", party, null).statusCode());
  }

  /**
   * Bad input of every kind to every documented operation, as a role allowed to call it: malformed,
   * wrongly shaped, unknown-field, non-JSON and oversized bodies, malformed path ids and query
   * parameters. Each gets a 4xx problem document, never a 500 (ApiClient checks the problem).
   */
  @Test
  @Order(3)
  void badInputToEveryOperationGetsAProblemNeverAServerError() {
    List<String> wrong = new ArrayList<>();
    String huge = "{\"name\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
    for (OpenApiContract.Operation op : OpenApiContract.get().operations()) {
      String token = tokens.get(op.roles().contains("operator") ? "operator" : op.roles().iterator().next());
      String path = samplePath(op);
      if (op.node().has("requestBody")) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed", "{\"name\":");
        bodies.put("array", "[1,2]");
        bodies.put("number", "42");
        bodies.put("unknown field", "{\"surely-not-a-field\":true}");
        bodies.put("wrong types", "{\"name\":7,\"role\":[],\"meterIds\":\"x\",\"curtailed\":\"yes\",\"target\":1,"
            + "\"validDays\":\"soon\",\"username\":false,\"password\":{}}");
        bodies.forEach((what, body) -> expectRefused(wrong, op, what, api.send(op.method(), path, token, body)));
        expectRefused(wrong, op, "text body", api.send(op.method(), path, token, "name=x", "text/plain"));
        // Over its limit a body is refused with 413; an operation taking more (a field dump, a
        // master-data file) says so in x-adcs-max-body-bytes and refuses this one as content instead.
        int status = api.send(op.method(), path, token, huge).statusCode();
        boolean takesMore = op.node().path("x-adcs-max-body-bytes").asLong(0) > huge.length();
        if (takesMore ? status < 400 || status >= 500 : status != 413) {
          wrong.add(op.id() + " answered a 5 MB body " + status);
        }
      }
      if (op.template().contains("{")) {
        for (String bad : List.of("a%20b", "x".repeat(300), "%C3%A9t%C3%A9", "%00", "a;b")) {
          String badPath = op.template().replaceAll("\\{[^/}]+}", bad);
          int status = op.stream() ? api.openStream(badPath, token).status()
              : api.send(op.method(), badPath, token, body(op)).statusCode();
          if (status < 400 || status >= 500) {
            wrong.add(op.id() + " answered the path " + badPath.substring(0, Math.min(80, badPath.length())) + " " + status);
          }
        }
      }
      op.node().path("parameters").forEach(p -> {
        if (!p.path("in").asText().equals("query")) {
          return;
        }
        for (String bad : List.of("%25%25", "-1", "not-valid-!", "x".repeat(1500))) {
          String name = p.path("name").asText();
          String url = path + "?" + (op.stream() && !name.equals("meter") ? "meter=" + OWN_METER + "&" : "") + name + "=" + bad;
          int status = op.stream() ? api.openStream(url, token).status() : api.send(op.method(), url, token, body(op)).statusCode();
          if (status >= 500) {
            wrong.add(op.id() + " answered ?" + name + "=" + bad.substring(0, Math.min(20, bad.length()))
                + " " + status);
          }
        }
      });
    }
    HttpResponse<String> longUri = api.send("GET", "/api/v1/audit?who=" + "x".repeat(20_000), tokens.get("operator"), null);
    if (longUri.statusCode() != 414) {
      wrong.add("a 20 kB URI answered " + longUri.statusCode());
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  private static void expectRefused(List<String> wrong, OpenApiContract.Operation op, String what, HttpResponse<String> r) {
    if (r.statusCode() < 400 || r.statusCode() >= 500) {
      wrong.add(op.id() + " answered a " + what + " body " + r.statusCode() + ": " + r.body());
    }
  }

  /** Last: every call the tests made (probes aside, R-OPS-1) is in the audit log with its status. */
  @Test
  @Order(5)
  void everyCallOfTheRunIsInTheAuditLog() throws InterruptedException {
    // Probes and the metrics scrape are not audited; nor is a request the HTTP layer could not parse (414, 431): it never
    // reaches the API, so there is no method or path to record.
    List<ApiClient.Call> calls = api.calls().stream()
        .filter(c -> !c.pathAndQuery().equals("/health") && !c.pathAndQuery().equals("/ready")
            && !c.pathAndQuery().equals("/metrics"))
        .filter(c -> c.status() != 414 && c.status() != 431).toList();
    assertTrue(calls.size() > 150, "calls made: " + calls.size());
    String operator = tokens.get("operator");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<String> missing;
    while (true) {
      Map<String, Integer> audited = new HashMap<>();
      String next = "/api/v1/audit?from=" + started + "&to=" + Instant.now().plusSeconds(5) + "&limit=1000";
      while (next != null) {
        JsonNode page = ApiClient.json(api.send("GET", next, operator, null));
        page.get("entries").forEach(e -> audited.merge(key(e.get("method").asText(), e.get("path").asText(),
            e.get("status").asInt()), 1, Integer::sum));
        next = page.has("next") ? page.get("next").asText() : null;
      }
      missing = new ArrayList<>();
      for (ApiClient.Call c : calls) {
        String key = key(c.method(), c.pathAndQuery(), c.status());
        if (audited.merge(key, -1, Integer::sum) < 0) {
          missing.add(key);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        fail(missing.size() + " of " + calls.size() + " calls are not in the audit log, e.g. "
            + missing.subList(0, Math.min(10, missing.size())));
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  /** The audit log keeps a path's first 1024 characters. */
  private static String key(String method, String path, int status) {
    return method + " " + path.substring(0, Math.min(1024, path.length())) + " " + status;
  }

  /** Calls the operation with sample arguments of the right shape; the status it answered. */
  private static int call(OpenApiContract.Operation op, String token) {
    String path = samplePath(op);
    if (op.stream()) {
      return api.openStream(path + "?meter=" + OWN_METER, token).status();
    }
    // A route that names its meters in ?meter= holds a third party to its own: name one.
    return api.send(op.method(), namesMetersInQuery(op) ? path + "?meter=" + OWN_METER : path, token, body(op)).statusCode();
  }

  private static boolean namesMetersInQuery(OpenApiContract.Operation op) {
    String parameters = op.node().path("parameters").toString();
    return parameters.contains("\"name\":\"meter\"") && parameters.contains("\"in\":\"query\"")
        || parameters.contains("/parameters/DataMeters");
  }

  private static String samplePath(OpenApiContract.Operation op) {
    String path = op.template().replace("{meterId}", OWN_METER);
    path = path.replace("{name}", op.template().contains("/parties/") ? TARGET_PARTY : "roles-nobody");
    return path.replaceAll("\\{[^/}]+}", UUID.randomUUID().toString());
  }

  /** A body of the operation's shape that does nothing lasting: a refused mass read, a known party's same meters. */
  private static String body(OpenApiContract.Operation op) {
    if (!op.node().has("requestBody")) {
      return null;
    }
    return switch (op.id()) {
      case "authLogin" -> "{\"username\":\"" + PERSON + "\",\"password\":\"" + PERSON_PASSWORD + "\"}";
      case "adminCreatePrincipal" -> "{\"name\":\"roles-new-" + created.incrementAndGet() + "\",\"role\":\"operator\"}";
      case "adminReplacePartyMeters" -> "{\"meterIds\":[\"" + OWN_METER + "\"]}";
      case "partyCurtail" -> "{\"curtailed\":false}";
      case "subscriptionCreate" -> "{\"name\":\"roles\",\"eventTypes\":[\"NO_SUCH_TYPE\"],\"webhook\":\"https://mdm.example/hook\"}";
      case "massReadStart" -> "{\"target\":\"missing-data\",\"from\":\"2000-01-02\",\"to\":\"2000-01-01\"}";
      default -> "{}";
    };
  }

  private static String principal(String role) {
    return "roles-" + role;
  }

  private static String freshToken(String role) {
    HttpResponse<String> issued = api.send("POST", "/api/v1/admin/principals/" + principal(role) + "/tokens", admin, "{}");
    assertEquals(201, issued.statusCode(), issued.body());
    return ApiClient.json(issued).get("token").asText();
  }

  private static ApiClient.StreamStart stream(String path, String token) {
    return api.openStream(path, token);
  }

  private static void assertProblem(HttpResponse<String> r, int status, String detailContains) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(ApiClient.json(r).get("detail").asText().contains(detailContains), r.body());
  }

  private static void assertProblem(ApiClient.StreamStart s, int status, String detailContains) {
    assertEquals(status, s.status(), s.body());
    assertTrue(s.body().contains(detailContains), s.body());
  }
}
