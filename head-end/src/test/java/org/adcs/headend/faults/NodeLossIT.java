package org.adcs.headend.faults;

import static org.adcs.headend.faults.Nights.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.cluster.typed.Cluster;
import akka.cluster.typed.Down;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.faults.StoreTruth.Figures;
import org.adcs.headend.faults.StoreTruth.NotResent;
import org.adcs.simulator.fleet.Fleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * R-OPS-4: one of three head-end nodes dies in the middle of a night's pushes. Its meter connections
 * are reset (no goodbye) and the cluster downs it, so its shards are not handed off but started again
 * on the other nodes from the shared PostgreSQL journal; its meters redial and are taken by the other
 * two nodes; and the store ends with exactly the meters' ground truth: nothing acknowledged lost,
 * nothing twice. Runs where ADCS_TEST_POSTGRES_URL is set; .ci/run sets it and fails when this class
 * did not run.
 */
@EnabledIfEnvironmentVariable(named = "ADCS_TEST_POSTGRES_URL", matches = ".+",
    disabledReason = "needs a PostgreSQL journal shared by the three nodes: set ADCS_TEST_POSTGRES_URL (.ci/postgres.sh)")
class NodeLossIT {

  private static final int METERS = 45;
  private static final int DAYS = 3;
  private static final int VICTIM = 2;

  @Test
  void aNodeKilledDuringIngestLosesNothingAndDuplicatesNothing() throws Exception {
    Nights nights = new Nights(DAYS);
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (ThreeNodes cluster = new ThreeNodes("node-loss", "adcs_node_loss_it", ThreeNodes.postgresJournal());
        Fleet fleet = nights.fleet(METERS, cluster, group)) {
      System.out.println("node loss: meters per node " + cluster.distribution());
      nights.collect(1, fleet, cluster);

      // Night 2: the victim dies as soon as the first of the night's pushes is acknowledged.
      Instant noon = nights.firstDay().plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
      while (nights.acknowledged(2, fleet) == 0 && nights.clock().instant().isBefore(noon)) {
        nights.clock().advance(Duration.ofMinutes(2));
        fleet.tick();
        TimeUnit.MILLISECONDS.sleep(20);
      }
      int before = nights.acknowledged(2, fleet);
      HeadEnd victim = cluster.node(VICTIM);
      long onVictim = victim.meterPort().connected().count();
      long killed = System.nanoTime();
      Instant killedAt = nights.clock().instant();
      cluster.meterBalancer().remove(victim.meterPort().address());
      Cluster.get(cluster.node(0).system()).manager().tell(new Down(Cluster.get(victim.system()).selfMember().address()));
      victim.close();
      System.out.printf("node loss: node %d killed with %d meters on it, %d of %d meters' night 2 acknowledged%n",
          VICTIM, onVictim, before, METERS);

      nights.runThrough(2, fleet);
      await(() -> cluster.connected() == METERS, "every meter reconnected to the two nodes left", cluster);
      double reconnected = (System.nanoTime() - killed) / 1e9;
      Instant reconnectedAt = nights.clock().instant();
      System.out.println("node loss: meters per node after " + cluster.distribution());
      // A push caught by the kill (its connection, or its entity's shard, was on the dead node) is not
      // acknowledged: the meter sends it again with its next push (R-SCH-6), night 3's.
      int secondAcknowledged = nights.acknowledged(2, fleet);
      // Its midnight registers are not in that push, nor are events pushed on their own and lost with the
      // node (an hour's margin for the meters' own clocks): see StoreTruth.
      NotResent notResent = new NotResent(nights.registersNotAcknowledged(2, fleet),
          killedAt.minus(Duration.ofHours(1)), reconnectedAt.plus(Duration.ofHours(1)));
      nights.collect(3, fleet, cluster);
      double recovered = (System.nanoTime() - killed) / 1e9;

      Figures figures = StoreTruth.awaitExact(fleet, cluster.node(0), nights.firstDay(), DAYS, nights.clock().instant(),
          notResent);
      System.out.printf("node loss: %d meters x %d days, %s; %.1f s from the kill to every meter connected again,"
          + " %d meters' night 2 acknowledged that night (any other re-sent with night 3), every meter's night 3"
          + " acknowledged %.1f s after the kill%n", METERS, DAYS, figures, reconnected, secondAcknowledged, recovered);
      assertTrue(figures.exact(), figures.toString());
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}
