package org.adcs.headend.faults;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.TcpProxy;
import org.adcs.headend.testing.TestNodes;

/**
 * Three head-end nodes on loopback, each its own ActorSystem with its own HTTP, cluster and meter
 * ports, one cluster seeded by the first node, one journal and one Cassandra keyspace shared by all
 * (R-OPS-4). Meters dial a relay in front of the three meter ports, as they would a load balancer.
 */
final class ThreeNodes implements AutoCloseable {

  private final List<HeadEnd> nodes = new ArrayList<>();
  private final TcpProxy meterBalancer;

  /**
   * @param shared the settings every node shares: the ADCS_JOURNAL_* ones, and any that point the nodes
   *               at a relay in front of a dependency
   */
  ThreeNodes(String name, String keyspace, Map<String, String> shared) {
    try {
      String seed = null;
      for (int i = 0; i < 3; i++) {
        Map<String, String> env = TestNodes.forSimulatedMeters(name + "-" + i, keyspace);
        env.putAll(shared);
        if (seed == null) {
          seed = "akka://" + HeadEnd.SYSTEM_NAME + "@127.0.0.1:" + env.get("ADCS_CLUSTER_PORT");
        }
        nodes.add(HeadEnd.start(TestNodes.settings(env, Map.of("adcs.cluster.seed-nodes", List.of(seed)))));
      }
    } catch (RuntimeException e) {
      nodes.forEach(HeadEnd::close);
      throw e;
    }
    meterBalancer = new TcpProxy(nodes.stream().map(n -> n.meterPort().address()).toList());
  }

  /** The ADCS_JOURNAL_* settings of a fresh PostgreSQL schema. */
  static Map<String, String> postgresJournal() {
    Map<String, String> journal = new HashMap<>();
    TestNodes.withPostgresJournal(new HashMap<>()).forEach((k, v) -> {
      if (k.startsWith("ADCS_JOURNAL_")) {
        journal.put(k, v);
      }
    });
    return journal;
  }

  HeadEnd node(int i) {
    return nodes.get(i);
  }

  /** Where meters dial: the relay in front of the nodes' meter ports. */
  InetSocketAddress meterAddress() {
    return meterBalancer.address();
  }

  TcpProxy meterBalancer() {
    return meterBalancer;
  }

  /** Meters identified on the nodes still running. */
  long connected() {
    return nodes.stream().filter(n -> !n.isClosing()).mapToLong(n -> n.meterPort().connected().count()).sum();
  }

  /** Each node's HTTP status for a GET of {@code path}, e.g. /ready. */
  List<Integer> statuses(String path) {
    return nodes.stream().map(n -> TestNodes.get(n.httpUrl() + path).statusCode()).toList();
  }

  String distribution() {
    return nodes.stream().map(n -> n.isClosing() ? "down" : Long.toString(n.meterPort().connected().count())).toList()
        .toString();
  }

  @Override
  public void close() {
    meterBalancer.close();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close();
    }
  }
}
