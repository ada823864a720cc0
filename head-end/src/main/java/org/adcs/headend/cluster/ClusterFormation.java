package org.adcs.headend.cluster;

import akka.actor.Address;
import akka.actor.AddressFromURIString;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.cluster.typed.JoinSeedNodes;
import akka.management.cluster.bootstrap.ClusterBootstrap;
import akka.management.javadsl.AkkaManagement;
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
 * Joins this node to the head-end cluster: with bootstrap enabled through Akka Management's cluster
 * bootstrap, else to itself when no seed nodes are configured (the single-machine default), otherwise
 * to the seed nodes; then waits until the node is Up.
 */
public final class ClusterFormation {

  private static final Logger log = LoggerFactory.getLogger(ClusterFormation.class);

  private ClusterFormation() {}

  public static void joinAndAwaitUp(ActorSystem<?> system, HeadEndSettings.ClusterSettings settings) {
    Cluster cluster = Cluster.get(system);
    BootstrapSettings bootstrap = settings.bootstrap();
    if (bootstrap.enabled()) {
      startBootstrap(system, settings);
    } else if (settings.seedNodes().isEmpty()) {
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
          + settings.joinTimeout().toSeconds() + " s (" + joinMethod(settings) + "): " + (bootstrap.enabled()
          ? "check adcs.cluster.bootstrap (discovery, required-contact-points) and that the other nodes' "
              + "management ports are reachable"
          : "check adcs.cluster.seed-nodes and that the seeds are reachable") + ", or raise adcs.cluster.join-timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupFailure("Interrupted while joining the cluster");
    } catch (ExecutionException e) {
      throw new StartupFailure("Joining the cluster failed: " + e.getCause());
    }
    log.info("cluster member up: address={} {}", cluster.selfMember().address(), joinMethod(settings));
  }

  private static void startBootstrap(ActorSystem<?> system, HeadEndSettings.ClusterSettings settings) {
    akka.actor.ActorSystem classic = Adapter.toClassic(system);
    try {
      AkkaManagement.get(classic).start().toCompletableFuture().get(settings.joinTimeout().toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new StartupFailure("Cannot start Akka Management on " + settings.hostname() + ":"
          + settings.bootstrap().managementPort() + " (" + e + "): check adcs.cluster.bootstrap.management-port");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupFailure("Interrupted while starting Akka Management");
    }
    ClusterBootstrap.get(classic).start();
  }

  private static String joinMethod(HeadEndSettings.ClusterSettings settings) {
    if (settings.bootstrap().enabled()) {
      return "bootstrap through " + settings.bootstrap().discoveryMethod().name().toLowerCase(java.util.Locale.ROOT)
          + " discovery";
    }
    return "seed nodes " + (settings.seedNodes().isEmpty() ? "self" : settings.seedNodes());
  }
}
