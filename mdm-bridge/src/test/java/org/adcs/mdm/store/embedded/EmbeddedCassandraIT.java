package org.adcs.mdm.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.junit.jupiter.api.Test;

/** The embedded node is a real Cassandra: CQL, schema, writes and reads through the driver. */
class EmbeddedCassandraIT {

  @Test
  void embeddedNodeServesCqlAndReportsItsRelease() throws Exception {
    try (StoreConnection store = StoreConnection.open(CassandraTestNode.settings())) {
      String version = store.releaseVersion().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertEquals("5.0.6", version);
    }
  }

  @Test
  void keyspaceIsCreatedFromConfigurationAndRowsRoundTrip() {
    try (StoreConnection store = StoreConnection.open(CassandraTestNode.settings())) {
      var session = store.session();
      Row ks = session.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = 'adcs_it'").one();
      assertEquals("1", ks.getMap("replication", String.class, String.class).get("replication_factor"));
      session.execute("CREATE TABLE IF NOT EXISTS adcs_it.probe (meter text PRIMARY KEY, reading bigint)");
      session.execute("INSERT INTO adcs_it.probe (meter, reading) VALUES ('SIM00000001', 4242)");
      Row row = session.execute("SELECT reading FROM adcs_it.probe WHERE meter = 'SIM00000001'").one();
      assertEquals(4242L, row.getLong("reading"));
    }
  }

  @Test
  void pidFileNamesTheRunningNode() throws Exception {
    EmbeddedCassandra node = CassandraTestNode.node();
    assertTrue(node.isAlive());
    String pid = java.nio.file.Files.readString(node.directory().resolve("cassandra.pid")).strip();
    assertEquals(Long.toString(node.pid()), pid);
    assertFalse(EmbeddedCassandra.portAnswers("127.0.0.1", CassandraTestNode.freePort()));
  }
}
