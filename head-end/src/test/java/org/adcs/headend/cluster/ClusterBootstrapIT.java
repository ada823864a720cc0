package org.adcs.headend.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.Address;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two head-end nodes on loopback with no seed nodes form one cluster through Akka Management's
 * cluster bootstrap. The `config` discovery method lists both nodes' management endpoints, as the
 * Kubernetes API lists the head-end pods in production (k8s/README.md).
 */
class ClusterBootstrapIT {

  private static final List<HeadEnd> nodes = new ArrayList<>();

  @BeforeAll
  static void startTwoNodesWithoutSeeds() {
    int[] managementPorts = {CassandraTestNode.freePort(), CassandraTestNode.freePort()};
    List<Map<String, Object>> endpoints = List.of(
        Map.of("host", "127.0.0.1", "port", managementPorts[0]), Map.of("host", "127.0.0.1", "port", managementPorts[1]));
    List<CompletableFuture<HeadEnd>> starting = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("bootstrap-" + i), "bootstrap_it");
      env.put("ADCS_CLUSTER_BOOTSTRAP_ENABLED", "true");
      env.put("ADCS_CLUSTER_BOOTSTRAP_DISCOVERY_METHOD", "config");
      env.put("ADCS_CLUSTER_BOOTSTRAP_REQUIRED_CONTACT_POINTS", "2");
      env.put("ADCS_CLUSTER_BOOTSTRAP_MANAGEMENT_PORT", Integer.toString(managementPorts[i]));
      var settings = TestNodes.settings(env,
          Map.of("akka.discovery.config.services." + HeadEnd.SYSTEM_NAME + ".endpoints", endpoints));
      // Each start blocks until its node is Up, which needs the other node: start them together.
      starting.add(CompletableFuture.supplyAsync(() -> HeadEnd.start(settings)));
    }
    for (CompletableFuture<HeadEnd> node : starting) {
      try {
        nodes.add(node.join());
      } catch (RuntimeException e) {
        starting.forEach(s -> s.thenAccept(HeadEnd::close));
        throw e;
      }
    }
  }

  @AfterAll
  static void stop() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close();
    }
  }

  @Test
  void bothNodesAreUpMembersOfOneCluster() throws InterruptedException {
    Set<Address> selves = new HashSet<>();
    for (HeadEnd node : nodes) {
      selves.add(Cluster.get(node.system()).selfMember().address());
    }
    assertEquals(2, selves.size(), "two distinct nodes: " + selves);
    for (HeadEnd node : nodes) {
      // A node may see the other one Joining for a moment after its own Up: wait until they agree.
      Await.until(() -> "members Up as seen from " + Cluster.get(node.system()).selfMember() + ": " + upMembers(node)
          + ", expected " + selves, Duration.ofSeconds(30), () -> upMembers(node).equals(selves));
    }
  }

  @Test
  void bothNodesAreReady() throws InterruptedException {
    for (HeadEnd node : nodes) {
      Await.until(node.httpUrl() + "/ready answers 200", Duration.ofSeconds(30),
          () -> TestNodes.get(node.httpUrl() + "/ready").statusCode() == 200);
    }
  }

  private static Set<Address> upMembers(HeadEnd node) {
    Set<Address> up = new HashSet<>();
    for (Member m : Cluster.get(node.system()).state().getMembers()) {
      if (m.status() == MemberStatus.up()) {
        up.add(m.address());
      }
    }
    return up;
  }
}
