package org.adcs.headend.cluster;

import akka.actor.Address;
import akka.actor.AddressFromURIString;
import akka.actor.typed.ActorSystem;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.cluster.typed.JoinSeedNodes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.adcs.headend.StartupFailure;
import org.adcs.headend.config.HeadEndSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins this node to the head-end cluster: to itself when no seed nodes are configured (the
 * single-machine default), otherwise to the seed nodes; then waits until the node is Up.
 */
public final class ClusterFormation {

  private static final Logger log = LoggerFactory.getLogger(ClusterFormation.class);

  private ClusterFormation() {}

  public static void joinAndAwaitUp(ActorSystem<?> system, HeadEndSettings.ClusterSettings settings) {
    Cluster cluster = Cluster.get(system);
    if (settings.seedNodes().isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    } else {
      List<Address> seeds = settings.seedNodes().stream().map(AddressFromURIString::parse).toList();
      cluster.manager().tell(new JoinSeedNodes(seeds));
    }
    Instant deadline = Instant.now().plus(settings.joinTimeout());
    while (!cluster.selfMember().status().equals(MemberStatus.up())) {
      if (Instant.now().isAfter(deadline)) {
        throw new StartupFailure("This node did not become an Up cluster member within "
            + settings.joinTimeout().toSeconds() + " s (seed nodes " + settings.seedNodes()
            + "): check adcs.cluster.seed-nodes and that the seeds are reachable, or raise adcs.cluster.join-timeout");
      }
      try {
        Thread.sleep(Duration.ofMillis(50).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartupFailure("Interrupted while joining the cluster");
      }
    }
    log.info("cluster member up: address={} seeds={}", cluster.selfMember().address(),
        settings.seedNodes().isEmpty() ? "self" : settings.seedNodes());
  }
}
