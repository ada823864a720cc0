package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.testing.TestNodes;
import org.junit.jupiter.api.Test;

/**
 * The real system on one machine: a real Cassandra child JVM, the H2 file journal, a one-node
 * cluster, and the HTTP health endpoints; stopped and started again on the same data.
 */
class HeadEndReadinessIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void embeddedSystemBecomesReadyStopsItsCassandraAndRestartsOnTheSameData() throws Exception {
    HeadEndSettings settings = TestNodes.settings(TestNodes.nodeEnvironment("embedded"));
    long cassandraPid;
    Path nodeDirectory;
    try (HeadEnd headEnd = HeadEnd.start(settings)) {
      HttpResponse<String> health = TestNodes.get(headEnd.httpUrl() + "/health");
      assertEquals(200, health.statusCode());
      assertEquals("up", JSON.readTree(health.body()).get("status").asText());

      JsonNode ready = readyReport(headEnd);
      assertTrue(ready.get("ready").asBoolean(), ready.toString());
      JsonNode checks = ready.get("checks");
      assertEquals("5.0.6", checks.at("/cassandra/details/version").asText());
      assertEquals("embedded", checks.at("/cassandra/details/mode").asText());
      assertTrue(checks.at("/journal/details/database").asText().startsWith("H2 "), checks.toString());
      assertEquals("4", checks.at("/journal/details/schemaVersion").asText(),
          "journal tables, projection offsets, API security");
      assertEquals("Up", checks.at("/cluster/details/status").asText());

      cassandraPid = headEnd.embeddedCassandra().orElseThrow().pid();
      nodeDirectory = headEnd.embeddedCassandra().orElseThrow().directory();
      assertTrue(ProcessHandle.of(cassandraPid).map(ProcessHandle::isAlive).orElse(false));
    }
    assertFalse(ProcessHandle.of(cassandraPid).map(ProcessHandle::isAlive).orElse(false),
        "the embedded Cassandra process must be gone after close");
    assertFalse(Files.exists(nodeDirectory.resolve("cassandra.pid")));

    // Same data directory again: the journal schema is already there, Cassandra replays its commit log.
    try (HeadEnd again = HeadEnd.start(settings)) {
      JsonNode ready = readyReport(again);
      assertTrue(ready.get("ready").asBoolean(), ready.toString());
      assertEquals("4", ready.at("/checks/journal/details/schemaVersion").asText());
    }
  }

  static JsonNode readyReport(HeadEnd headEnd) throws Exception {
    HttpResponse<String> response = TestNodes.get(headEnd.httpUrl() + "/ready");
    JsonNode report = JSON.readTree(response.body());
    assertEquals(report.get("ready").asBoolean() ? 200 : 503, response.statusCode(), response.body());
    return report;
  }
}
