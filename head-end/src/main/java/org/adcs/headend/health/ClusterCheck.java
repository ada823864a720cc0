package org.adcs.headend.health;

import akka.actor.typed.ActorSystem;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.StreamSupport;

/** This node is an Up member of the head-end cluster. */
public final class ClusterCheck implements ReadinessCheck {

  private final ActorSystem<?> system;

  public ClusterCheck(ActorSystem<?> system) {
    this.system = system;
  }

  @Override
  public String name() {
    return "cluster";
  }

  @Override
  public CompletionStage<CheckResult> check() {
    Cluster cluster = Cluster.get(system);
    Member self = cluster.selfMember();
    boolean up = self.status().equals(MemberStatus.up()) || self.status().equals(MemberStatus.weaklyUp());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("status", self.status().toString());
    details.put("address", self.address().toString());
    details.put("members", Long.toString(StreamSupport.stream(
        cluster.state().getMembers().spliterator(), false).count()));
    return CompletableFuture.completedFuture(up ? CheckResult.up(details)
        : new CheckResult(false, details));
  }
}
