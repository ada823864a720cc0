package org.adcs.mdm.store.testing;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.adcs.mdm.store.CassandraSettings;
import org.adcs.mdm.store.StoreUnavailableException;
import org.adcs.mdm.store.embedded.EmbeddedCassandra;

/**
 * One real Cassandra node per test JVM, started on first use on free ports and stopped when the
 * JVM exits. Failsafe runs a module's integration tests in one JVM, so a module pays the start-up
 * once, not once per test.
 */
public final class CassandraTestNode {

  private static EmbeddedCassandra node;
  private static CassandraSettings settings;

  private CassandraTestNode() {}

  /** Settings (embedded mode) pointing at the shared node; starts it on first call. */
  public static synchronized CassandraSettings settings() {
    for (int attempt = 1; node == null; attempt++) {
      CassandraSettings.Embedded embedded = embeddedSettings(
          Path.of("target", "cassandra-it", "node-" + ProcessHandle.current().pid() + "-" + attempt));
      try {
        node = EmbeddedCassandra.start(embedded);
        settings = withEmbedded(embedded, "adcs_it");
      } catch (StoreUnavailableException e) {
        // Another process on this machine took one of the ports between our check and the node's bind.
        if (attempt == 3 || !e.getMessage().contains("already in use")) {
          throw e;
        }
      }
    }
    return settings;
  }

  /** The shared node's settings with the test's own keyspace. */
  public static CassandraSettings settings(String keyspace) {
    CassandraSettings shared = settings();
    return new CassandraSettings(shared.mode(), shared.contactPoints(), shared.localDatacenter(), keyspace,
        shared.replication(), shared.consistency(), shared.requestTimeout(), shared.connectTimeout(), null, null,
        shared.embedded());
  }

  public static synchronized EmbeddedCassandra node() {
    settings();
    return node;
  }

  /** An embedded node description on free loopback ports, with the built server jars. */
  public static CassandraSettings.Embedded embeddedSettings(Path directory) {
    String lib = System.getProperty("adcs.cassandra.embedded.lib-dir");
    if (lib == null) {
      throw new IllegalStateException("system property adcs.cassandra.embedded.lib-dir is not set:"
          + " run integration tests through Maven (mvn verify), which sets it");
    }
    // 3 GB at most: the head-end's integration tests share one node, each test with a keyspace of its own.
    // Some 15 keyspaces of 25-odd tables outgrew 512 MB; some 30 keyspaces of 35-odd tables outgrew 1 GB
    // (both ended with an OutOfMemoryError late in a full run). The machines have 24 GB.
    return new CassandraSettings.Embedded(Path.of(lib), directory, "127.0.0.1", freePort(), freePort(),
        "128m", "3g", Duration.ofSeconds(180), Duration.ofSeconds(30), null);
  }

  public static CassandraSettings withEmbedded(CassandraSettings.Embedded embedded, String keyspace) {
    return new CassandraSettings(CassandraSettings.Mode.EMBEDDED, List.of(), "datacenter1", keyspace,
        Map.of("class", "SimpleStrategy", "replication_factor", "1"), DefaultConsistencyLevel.LOCAL_QUORUM,
        Duration.ofSeconds(10), Duration.ofSeconds(10), null, null, embedded);
  }

  /**
   * A free loopback port below the kernel's ephemeral range (32768 and up on Linux), so the many
   * outgoing connections other tests and tools open cannot take it before the server binds it.
   * One JVM never hands out the same port twice (until it has walked its whole block): a node's
   * HTTP, cluster and meter ports are all drawn before any is bound, and a random pick could give
   * two of them the same number.
   */
  public static int freePort() {
    // Test JVMs that run side by side (failsafe's forks) draw from their own blocks, so two cannot
    // pick the same port before either binds it.
    int forks = Integer.getInteger("adcs.test.forks", 1);
    int fork = Math.floorMod(Integer.getInteger("adcs.test.fork", 1) - 1, forks);
    int block = 12_000 / forks;
    int first = 20_000 + fork * block;
    for (int tries = 0; tries < 200; tries++) {
      int port = first + Math.floorMod(NEXT_PORT.getAndIncrement(), block);
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new UncheckedIOException(new IOException("no free port found in " + first + "-" + (first + block - 1)));
  }

  /** Where this JVM's walk through its block starts: random, so a rerun does not retrace the last one. */
  private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT =
      new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(12_000));
}
