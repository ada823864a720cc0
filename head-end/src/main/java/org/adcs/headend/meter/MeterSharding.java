package org.adcs.headend.meter;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.ShardingEnvelope;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import java.time.ZoneOffset;

/**
 * Meter entities spread over the cluster's nodes by Cluster Sharding: whichever node a request
 * arrives at finds the one entity of that meter. Idle entities passivate (akka.cluster.sharding
 * passivation settings) and come back from their snapshot and journal on the next message.
 */
public final class MeterSharding {

  private final ClusterSharding sharding;

  private MeterSharding(ClusterSharding sharding) {
    this.sharding = sharding;
  }

  public static MeterSharding init(ActorSystem<?> system, ClockPolicy clockPolicy, ZoneOffset standardTime,
      java.time.Duration readAttemptTimeout, MeterDialler dialler) {
    ClusterSharding sharding = ClusterSharding.get(system);
    ActorRef<ShardingEnvelope<Meter.Command>> region = sharding.init(Entity.of(Meter.TYPE_KEY,
        context -> Meter.create(context.getEntityId(), clockPolicy, standardTime, readAttemptTimeout, dialler)));
    system.log().info("meter sharding started: region={}", region.path());
    return new MeterSharding(sharding);
  }

  public EntityRef<Meter.Command> meter(String meterId) {
    return sharding.entityRefFor(Meter.TYPE_KEY, meterId);
  }
}
