package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.adcs.headend.HeadEnd;
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
    Map<String, String> env = TestNodes.withSharedCassandra(
        TestNodes.withPostgresJournal(TestNodes.nodeEnvironment("postgres")), "adcs_pg_it");
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      JsonNode ready = HeadEndReadinessIT.readyReport(headEnd);
      assertTrue(ready.get("ready").asBoolean(), ready.toString());
      assertTrue(ready.at("/checks/journal/details/database").asText().startsWith("PostgreSQL"), ready.toString());
      assertEquals("external", ready.at("/checks/cassandra/details/mode").asText());
      assertTrue(headEnd.embeddedCassandra().isEmpty());
    }
    // A second start on the same schema finds the migration applied and starts cleanly.
    try (HeadEnd again = HeadEnd.start(TestNodes.settings(env))) {
      assertTrue(HeadEndReadinessIT.readyReport(again).get("ready").asBoolean());
    }
  }
}
