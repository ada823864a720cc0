package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The production shape on one machine: PostgreSQL journal (started by .ci/run) and Cassandra as an
 * external cluster. Runs where ADCS_TEST_POSTGRES_URL is set; .ci/run sets it and fails when this
 * class did not run.
 */
@EnabledIfEnvironmentVariable(named = "ADCS_TEST_POSTGRES_URL", matches = ".+")
class PostgresJournalReadinessIT {

  @Test
  void systemWithPostgresJournalAndExternalCassandraBecomesReady() throws Exception {
    String token;
    Map<String, String> env = TestNodes.withSharedCassandra(
        TestNodes.withPostgresJournal(TestNodes.nodeEnvironment("postgres")), "adcs_pg_it");
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      JsonNode ready = HeadEndReadinessIT.readyReport(headEnd);
      assertTrue(ready.get("ready").asBoolean(), ready.toString());
      assertTrue(ready.at("/checks/journal/details/database").asText().startsWith("PostgreSQL"), ready.toString());
      assertEquals("external", ready.at("/checks/cassandra/details/mode").asText());
      assertTrue(headEnd.embeddedCassandra().isEmpty());
      assertEquals("4", ready.at("/checks/journal/details/schemaVersion").asText());

      // The API's credentials and audit log in PostgreSQL.
      ApiClient api = new ApiClient(headEnd.httpUrl());
      token = api.tokenFor("pg-operator", "operator");
      assertEquals(200, api.send("GET", "/api/v1/auth/me", token, null).statusCode());
      assertAudited(api, token);
    }
    // A second start on the same schema finds the migration applied and starts cleanly; the token
    // issued before the restart still works.
    try (HeadEnd again = HeadEnd.start(TestNodes.settings(env))) {
      assertTrue(HeadEndReadinessIT.readyReport(again).get("ready").asBoolean());
      ApiClient api = new ApiClient(again.httpUrl());
      assertEquals(200, api.send("GET", "/api/v1/auth/me", token, null).statusCode());
      assertAudited(api, token);
    }
  }

  private static void assertAudited(ApiClient api, String token) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (!api.send("GET", "/api/v1/audit?who=pg-operator", token, null).body().contains("/api/v1/auth/me")) {
      assertTrue(System.nanoTime() < deadline, "the access is in the audit log within 30 s");
      Thread.sleep(200);
    }
  }
}
