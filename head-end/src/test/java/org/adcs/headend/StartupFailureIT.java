package org.adcs.headend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.junit.jupiter.api.Test;

/** Each way start-up can fail stops it with one line naming the setting, and leaves nothing running. */
class StartupFailureIT {

  @Test
  void httpPortInUseNamesTheSetting() throws Exception {
    Map<String, String> env = TestNodes.nodeEnvironment("port-in-use");
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      env.put("ADCS_HTTP_PORT", Integer.toString(taken.getLocalPort()));
      StartupFailure e = assertThrows(StartupFailure.class, () -> HeadEnd.start(TestNodes.settings(env)));
      assertOneLine(e);
      assertTrue(e.getMessage().contains("adcs.http.port") && e.getMessage().contains("ADCS_HTTP_PORT"), e.getMessage());
    }
  }

  @Test
  void twoSettingsWithOnePortNameBoth() {
    Map<String, String> env = TestNodes.nodeEnvironment("same-port");
    env.put("ADCS_METER_PORT_PORT", env.get("ADCS_HTTP_PORT"));
    StartupFailure e = assertThrows(StartupFailure.class, () -> HeadEnd.start(TestNodes.settings(env)));
    assertOneLine(e);
    assertTrue(e.getMessage().contains("ADCS_HTTP_PORT") && e.getMessage().contains("ADCS_METER_PORT_PORT"), e.getMessage());
  }

  @Test
  void unreachableJournalNamesTheSettingAndStopsTheEmbeddedNode() {
    Map<String, String> env = TestNodes.nodeEnvironment("journal-down");
    env.put("ADCS_JOURNAL_URL", "jdbc:postgresql://127.0.0.1:" + CassandraTestNode.freePort() + "/adcs");
    env.put("ADCS_JOURNAL_CONNECT_TIMEOUT", "2s");
    StartupFailure e = assertThrows(StartupFailure.class, () -> HeadEnd.start(TestNodes.settings(env)));
    assertOneLine(e);
    assertTrue(e.getMessage().contains("adcs.journal.url") && e.getMessage().contains("cannot be reached"), e.getMessage());
    assertNoCassandraRunningIn(Path.of(env.get("ADCS_DATA_DIR")));
  }

  @Test
  void cassandraThatDoesNotComeUpInTimeNamesTheTimeout() {
    Map<String, String> env = TestNodes.nodeEnvironment("cassandra-slow");
    env.put("ADCS_CASSANDRA_EMBEDDED_START_TIMEOUT", "1s");
    StartupFailure e = assertThrows(StartupFailure.class, () -> HeadEnd.start(TestNodes.settings(env)));
    assertOneLine(e);
    assertTrue(e.getMessage().contains("adcs.cassandra.embedded.start-timeout"), e.getMessage());
    assertNoCassandraRunningIn(Path.of(env.get("ADCS_DATA_DIR")));
  }

  @Test
  void unreachableExternalCassandraNamesTheContactPoints() {
    Map<String, String> env = TestNodes.nodeEnvironment("cassandra-external-down");
    env.put("ADCS_CASSANDRA_MODE", "external");
    env.put("ADCS_CASSANDRA_CONTACT_POINTS", "[\"127.0.0.1:" + CassandraTestNode.freePort() + "\"]");
    StartupFailure e = assertThrows(StartupFailure.class, () -> HeadEnd.start(TestNodes.settings(env)));
    assertOneLine(e);
    assertTrue(e.getMessage().contains("adcs.cassandra.contact-points"), e.getMessage());
  }

  @Test
  void missingCassandraJarsSayHowToBuildThem() {
    Map<String, String> env = TestNodes.nodeEnvironment("no-jars");
    StartupFailure e = assertThrows(StartupFailure.class, () -> HeadEnd.start(TestNodes.settings(env,
        Map.of("adcs.cassandra.embedded.lib-dir", "/nonexistent/cassandra/lib"))));
    assertOneLine(e);
    assertTrue(e.getMessage().contains("mvn -pl mdm-bridge/cassandra-node package"), e.getMessage());
  }

  private static void assertOneLine(Exception e) {
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  private static void assertNoCassandraRunningIn(Path dataDir) {
    String marker = dataDir.toAbsolutePath().toString();
    boolean running = ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .anyMatch(p -> p.info().commandLine().map(c -> c.contains(marker) && c.contains("CassandraDaemon")).orElse(false));
    assertFalse(running, "an embedded Cassandra for " + marker + " is still running");
  }
}
