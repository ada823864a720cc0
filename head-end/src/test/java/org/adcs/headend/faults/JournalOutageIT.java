package org.adcs.headend.faults;

import static org.adcs.headend.faults.Nights.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcs.headend.faults.StoreTruth.Figures;
import org.adcs.headend.faults.StoreTruth.NotResent;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterState;
import org.adcs.headend.testing.TcpProxy;
import org.adcs.simulator.fleet.Fleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * R-OPS-4: the journal database of a three-node head-end becomes unreachable during a night's pushes
 * (every connection to PostgreSQL reset, new ones refused). No push is acknowledged, as none can be
 * stored; every node stays up and reports not-ready; when the database is back the nodes are ready
 * again and the meters' next pushes carry the unacknowledged data (R-SCH-6), so the store ends with
 * exactly the meters' ground truth. Runs where ADCS_TEST_POSTGRES_URL is set; .ci/run sets it and
 * fails when this class did not run.
 */
@EnabledIfEnvironmentVariable(named = "ADCS_TEST_POSTGRES_URL", matches = ".+",
    disabledReason = "needs a PostgreSQL journal it can cut off: set ADCS_TEST_POSTGRES_URL (.ci/postgres.sh)")
class JournalOutageIT {

  private static final int METERS = 30;
  private static final int DAYS = 3;
  private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

  @Test
  void whileTheJournalIsUnreachableNothingIsAcknowledgedAndAfterwardsNothingIsLost() throws Exception {
    Map<String, String> journal = ThreeNodes.postgresJournal();
    Matcher database = HOST_PORT.matcher(journal.get("ADCS_JOURNAL_URL"));
    assertTrue(database.find(), journal.get("ADCS_JOURNAL_URL"));
    Nights nights = new Nights(DAYS);
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (TcpProxy link = new TcpProxy(List.of(new InetSocketAddress(database.group(1), Integer.parseInt(database.group(2)))))) {
      journal.put("ADCS_JOURNAL_URL", database.replaceFirst("//127.0.0.1:" + link.address().getPort() + "/"));
      journal.put("ADCS_JOURNAL_CONNECT_TIMEOUT", "3s");
      journal.put("ADCS_JOURNAL_MAX_CONNECTIONS", "4");
      try (ThreeNodes cluster = new ThreeNodes("journal-outage", "adcs_journal_outage_it", journal);
          Fleet fleet = nights.fleet(METERS, cluster, group)) {
        nights.collect(1, fleet, cluster);

        // The database goes away before night 2's pushes.
        link.cut();
        long cut = System.nanoTime();
        Instant cutAt = nights.clock().instant();
        await(() -> cluster.statuses("/ready").stream().allMatch(s -> s == 503), "every node reports not-ready", cluster);
        double noticed = (System.nanoTime() - cut) / 1e9;
        nights.runThrough(2, fleet);
        // Long enough for every push's store attempt to fail (the write fails or the ask times out).
        long outageEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < outageEnds) {
          assertEquals(0, nights.acknowledged(2, fleet), "no push acknowledged while the journal is away");
          TimeUnit.MILLISECONDS.sleep(500);
        }
        assertEquals(List.of(200, 200, 200), cluster.statuses("/health"), "every node stays up");
        assertEquals(List.of(503, 503, 503), cluster.statuses("/ready"), "every node still reports not-ready");
        System.out.printf("journal outage: %.1f s to not-ready on all nodes, %d of %d meters' pushes acknowledged"
            + " during the outage, %d meters connected%n", noticed, nights.acknowledged(2, fleet), METERS,
            cluster.connected());

        link.restore();
        long restored = System.nanoTime();
        Instant restoredAt = nights.clock().instant();
        await(() -> cluster.statuses("/ready").stream().allMatch(s -> s == 200), "every node ready again", cluster);
        double ready = (System.nanoTime() - restored) / 1e9;
        // Ready means entities recover again, not just that the database answers: the journal's circuit
        // breaker, opened by the outage's failures, fails recoveries and writes for up to its reset
        // timeout (30 s) after the database is back, and a node is not ready until a trial recovery passes.
        assertTrue(everyEntityRecovers(cluster, fleet), "every node ready, yet some meter's entity cannot recover");
        double recovering = (System.nanoTime() - restored) / 1e9;
        // Events pushed on their own during the outage are not sent again (with an hour's margin for
        // the meters' own clocks).
        NotResent notResent = new NotResent(nights.registersNotAcknowledged(2, fleet),
            cutAt.minus(Duration.ofHours(1)), restoredAt.plus(Duration.ofHours(1)));
        // Night 3's pushes carry night 2's unacknowledged data with them (R-SCH-6).
        nights.collect(3, fleet, cluster);
        double recovered = (System.nanoTime() - restored) / 1e9;

        Figures figures = StoreTruth.awaitExact(fleet, cluster.node(0), nights.firstDay(), DAYS,
            nights.clock().instant(), notResent);
        System.out.printf("journal outage: %d meters x %d days, %s; from the database's return %.1f s to ready"
            + " again, %.1f s to every entity recovered, time to recover %.1f s (to every meter's data"
            + " acknowledged)%n", METERS, DAYS, figures, ready, recovering, recovered);
        assertTrue(figures.exact(), figures.toString());
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private static boolean everyEntityRecovers(ThreeNodes cluster, Fleet fleet) {
    for (int i = 0; i < fleet.size(); i++) {
      try {
        cluster.node(i % 3).meters().meter(fleet.meter(i).name())
            .<MeterState>ask(Meter.GetStatus::new, Duration.ofSeconds(10)).toCompletableFuture().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (ExecutionException e) {
        return false;
      }
    }
    return true;
  }
}
