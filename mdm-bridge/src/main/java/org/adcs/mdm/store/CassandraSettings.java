package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the MDM store lives and how to talk to it. {@link Mode#EMBEDDED} starts a real single
 * Cassandra node as a child JVM (development, demo, tests); {@link Mode#EXTERNAL} connects to a
 * cluster run by operations. Switching is configuration only.
 *
 * @param contactPoints used in external mode; in embedded mode the node's own CQL address is used
 * @param replication   keyspace replication options as CQL map entries, e.g. class=SimpleStrategy
 */
public record CassandraSettings(
    Mode mode,
    List<InetSocketAddress> contactPoints,
    String localDatacenter,
    String keyspace,
    Map<String, String> replication,
    DefaultConsistencyLevel consistency,
    Duration requestTimeout,
    Duration connectTimeout,
    String username,
    String password,
    Embedded embedded) {

  public enum Mode { EMBEDDED, EXTERNAL }

  public CassandraSettings {
    Objects.requireNonNull(mode, "mode");
    contactPoints = List.copyOf(contactPoints);
    replication = Map.copyOf(replication);
    Objects.requireNonNull(consistency, "consistency");
    if (mode == Mode.EXTERNAL && contactPoints.isEmpty()) {
      throw new IllegalArgumentException("at least one contact point is needed for an external cluster");
    }
    if (!keyspace.matches("[a-zA-Z][a-zA-Z0-9_]{0,47}")) {
      throw new IllegalArgumentException(
          "keyspace name '" + keyspace + "' is not a valid Cassandra identifier (letters, digits, _; max 48)");
    }
  }

  /** The contact points the driver should use: the embedded node's, or the configured ones. */
  public List<InetSocketAddress> effectiveContactPoints() {
    return mode == Mode.EMBEDDED
        ? List.of(new InetSocketAddress(embedded.listenAddress(), embedded.cqlPort()))
        : contactPoints;
  }

  /**
   * The embedded node: data directory, ports and heap. {@code javaHome} null means the JDK running
   * the head-end, which then must be a Java 11 or 17 (the versions Cassandra 5.0 runs on).
   */
  public record Embedded(
      Path libDirectory,
      Path nodeDirectory,
      String listenAddress,
      int cqlPort,
      int storagePort,
      String initialHeap,
      String maxHeap,
      Duration startTimeout,
      Duration stopTimeout,
      Path javaHome) {

    public Embedded {
      Objects.requireNonNull(nodeDirectory, "nodeDirectory");
      nodeDirectory = nodeDirectory.toAbsolutePath().normalize();
      libDirectory = libDirectory == null ? null : libDirectory.toAbsolutePath().normalize();
      if (cqlPort == storagePort) {
        throw new IllegalArgumentException("CQL port and storage port must differ (both " + cqlPort + ")");
      }
      if (!initialHeap.matches("\\d+[mMgG]") || !maxHeap.matches("\\d+[mMgG]")) {
        throw new IllegalArgumentException("heap sizes look like 256m or 1g");
      }
    }
  }
}
