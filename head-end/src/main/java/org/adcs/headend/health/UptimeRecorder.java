package org.adcs.headend.health;

import akka.actor.typed.ActorSystem;
import akka.cluster.typed.Cluster;
import java.time.Clock;
import java.time.Duration;
import org.adcs.mdm.report.UptimeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records, once a minute, that this node is up (R-OPS-5 server availability): nothing else in the
 * system records uptime. A minute the store cannot be reached is not recorded, and so counts as down
 * unless another node recorded it.
 */
public final class UptimeRecorder {

  static final Duration EVERY = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(UptimeRecorder.class);

  private UptimeRecorder() {}

  public static void start(ActorSystem<?> system, UptimeStore store, Clock clock) {
    String node = Cluster.get(system).selfMember().address().hostPort();
    system.scheduler().scheduleWithFixedDelay(Duration.ZERO, EVERY, () -> store.up(node, clock.instant())
        .whenComplete((done, error) -> {
          if (error != null) {
            log.warn("uptime minute not recorded for {}: {}", node, error.toString());
          }
        }), system.executionContext());
  }
}
