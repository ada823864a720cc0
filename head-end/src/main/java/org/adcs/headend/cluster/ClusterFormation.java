package org.adcs.headend.cluster;

import akka.actor.Address;
import akka.actor.AddressFromURIString;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.cluster.typed.JoinSeedNodes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    CompletableFuture<Void> up = new CompletableFuture<>();
    akka.cluster.Cluster.get(Adapter.toClassic(system)).registerOnMemberUp(() -> up.complete(null));
    try {
      up.get(settings.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new StartupFailure("This node did not become an Up cluster member within "
          + settings.joinTimeout().toSeconds() + " s (seed nodes " + settings.seedNodes()
          + "): check adcs.cluster.seed-nodes and that the seeds are reachable, or raise adcs.cluster.join-timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupFailure("Interrupted while joining the cluster");
    } catch (ExecutionException e) {
      throw new StartupFailure("Joining the cluster failed: " + e.getCause());
    }
    log.info("cluster member up: address={} seeds={}", cluster.selfMember().address(),
        settings.seedNodes().isEmpty() ? "self" : settings.seedNodes());
  }
}
