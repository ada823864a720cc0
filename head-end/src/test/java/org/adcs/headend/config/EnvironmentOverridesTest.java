package org.adcs.headend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {

  private static final Config DEFAULTS = ConfigFactory.parseString("""
      adcs {
        http.port = 8080
        cassandra.embedded.lib-dir = ""
        cluster.seed-nodes = []
        cassandra.replication { class = SimpleStrategy, replication_factor = "1" }
      }
      """);

  @Test
  void variableNameFollowsThePathUpperCaseWithUnderscores() {
    assertEquals("ADCS_HTTP_PORT", EnvironmentOverrides.variableFor("adcs.http.port"));
    assertEquals("ADCS_CASSANDRA_EMBEDDED_LIB_DIR", EnvironmentOverrides.variableFor("adcs.cassandra.embedded.lib-dir"));
  }

  @Test
  void scalarVariablesOverrideTheirSettingLiterally() {
    Config overrides = EnvironmentOverrides.apply(DEFAULTS, Map.of(
        "ADCS_HTTP_PORT", "9090",
        "ADCS_CASSANDRA_EMBEDDED_LIB_DIR", "/opt/cassandra/lib"));
    Config merged = overrides.withFallback(DEFAULTS);
    assertEquals(9090, merged.getInt("adcs.http.port"));
    assertEquals("/opt/cassandra/lib", merged.getString("adcs.cassandra.embedded.lib-dir"));
  }

  @Test
  void listAndObjectVariablesAreParsedAsHocon() {
    Config merged = EnvironmentOverrides.apply(DEFAULTS, Map.of(
        "ADCS_CLUSTER_SEED_NODES", "[\"akka://adcs@10.0.0.1:25520\", \"akka://adcs@10.0.0.2:25520\"]",
        "ADCS_CASSANDRA_REPLICATION", "{class = NetworkTopologyStrategy, dc1 = 3}")).withFallback(DEFAULTS);
    assertEquals(List.of("akka://adcs@10.0.0.1:25520", "akka://adcs@10.0.0.2:25520"),
        merged.getStringList("adcs.cluster.seed-nodes"));
    assertEquals("NetworkTopologyStrategy", merged.getString("adcs.cassandra.replication.class"));
    assertEquals(3, merged.getInt("adcs.cassandra.replication.dc1"));
  }

  @Test
  void unrelatedVariablesChangeNothing() {
    Config overrides = EnvironmentOverrides.apply(DEFAULTS, Map.of("HOME", "/root", "ADCS_UNKNOWN", "x"));
    assertTrue(overrides.isEmpty());
  }

  @Test
  void malformedListVariableNamesTheSettingAndTheVariable() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> EnvironmentOverrides.apply(DEFAULTS, Map.of("ADCS_CLUSTER_SEED_NODES", "[unclosed")));
    assertEquals("adcs.cluster.seed-nodes", e.path());
    assertTrue(e.getMessage().contains("ADCS_CLUSTER_SEED_NODES"), e.getMessage());
  }
}
