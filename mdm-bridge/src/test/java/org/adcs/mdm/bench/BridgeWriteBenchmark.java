package org.adcs.mdm.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.bridge.CollectedReadings;
import org.adcs.mdm.bridge.ReadingPosting;
import org.adcs.mdm.bridge.SampleDeliveries;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.routing.EventRouter;
import org.adcs.mdm.routing.Feed;
import org.adcs.mdm.routing.FeedRows;
import org.adcs.mdm.routing.OutboxStore;
import org.adcs.mdm.routing.SubscriptionStore;
import org.adcs.mdm.store.CassandraSettings;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.StoreSchema;
import org.adcs.mdm.store.embedded.EmbeddedCassandra;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.adcs.mdm.vee.MeterHistory;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeEngine;
import org.adcs.mdm.vee.VeeLevel;
import org.adcs.mdm.vee.VeeSettings;

/**
 * The bridge's write rate into a real Cassandra node against a baseline measured in the same run:
 * the same rows (raw and validated days, completeness, registers, events, and the entries and keys
 * of the events and readings feeds) written straight through the driver with the same in-flight
 * bound, without history look-ups, VEE or the feeds' key look-ups. The bridge side is the
 * production path: {@link ReadingPosting} routing through an {@link EventRouter} with both feeds
 * (no subscriptions), as the head-end's projection posts.
 *
 * <p>Run: {@code mvn -pl mdm-bridge -am verify -Pbench -DskipTests [-Dbench.meters=2000]
 * [-Dbench.legacy-versions=true]} (the latter: the bridge's keyspace also holds versions in the older
 * table, which its look-ups then read as well)
 */
public final class BridgeWriteBenchmark {

  private BridgeWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int meters = Integer.getInteger("bench.meters", 2000);
    int inFlight = Integer.getInteger("bench.in-flight", 128);
    int parallelDeliveries = Integer.getInteger("bench.parallel-deliveries", 64);
    Path dir = Path.of("target", "bench-cassandra", "node-" + ProcessHandle.current().pid());
    CassandraSettings.Embedded node = CassandraTestNode.embeddedSettings(dir);
    ExecutorService continuations = Executors.newFixedThreadPool(4);
    try (EmbeddedCassandra cassandra = EmbeddedCassandra.start(node);
        StoreConnection rawConnection = StoreConnection.open(CassandraTestNode.withEmbedded(node, "bench_raw"));
        StoreConnection bridgeConnection = StoreConnection.open(CassandraTestNode.withEmbedded(node, "bench_bridge"))) {
      MdmStore rawStore = MdmStore.open(rawConnection, inFlight, StoreSchema.DEFAULT_RETENTION);
      MdmStore bridgeStore = MdmStore.open(bridgeConnection, inFlight, StoreSchema.DEFAULT_RETENTION);
      if (Boolean.getBoolean("bench.legacy-versions")) {
        // A keyspace with versions stored before reposts had a key of their own: every validated
        // look-up then reads the older table too.
        bridgeConnection.session().execute("INSERT INTO bench_bridge.interval_validated (meter_id, channel, day,"
            + " version) VALUES ('OLD', 'active-import', '2020-01-01', 1)");
        bridgeStore = MdmStore.open(bridgeConnection, inFlight, StoreSchema.DEFAULT_RETENTION);
      }
      ReadingPosting posting = new ReadingPosting(bridgeStore.intervals(), bridgeStore.registers(), bridgeStore.events(),
          bridgeStore.completeness(), new VeeEngine(VeeSettings.defaults()), 4, continuations,
          router(bridgeStore, "bench_bridge", continuations));
      FeedRows rawFeeds = new FeedRows(rawStore.db(), "bench_raw");
      System.out.printf("bridge write benchmark: %d meters x 2 channels (96 intervals each), 4 registers and 2 events"
          + " per meter, each day and event also into its feed; %d requests in flight; Cassandra heap %s%n",
          meters, inFlight, node.maxHeap());

      // Warm-up on another night, so neither side pays for JIT and first-touch costs.
      rawWrites(rawStore, rawFeeds, deliveries(meters / 4, LocalDate.of(2026, 11, 10)));
      bridgeWrites(posting, deliveries(meters / 4, LocalDate.of(2026, 11, 10)), parallelDeliveries);

      LocalDate night = LocalDate.of(2026, 11, 18);
      List<CollectedReadings> forRaw = deliveries(meters, night);
      List<CollectedReadings> forBridge = deliveries(meters, night);
      double raw = run("raw driver writes (baseline)", meters, () -> rawWrites(rawStore, rawFeeds, forRaw));
      double bridge = run("bridge: VEE + posting + feeds", meters,
          () -> bridgeWrites(posting, forBridge, parallelDeliveries));
      System.out.printf("%nratio bridge / raw: %.2f (target >= 0.50)%n", bridge / raw);
    } finally {
      continuations.shutdownNow();
    }
  }

  /** Routing as the head-end wires it, with the feeds' production settle time and no subscriptions. */
  private static EventRouter router(MdmStore store, String keyspace, ExecutorService continuations) throws Exception {
    Duration settle = Duration.ofSeconds(3);
    EventRouter router = new EventRouter(new SubscriptionStore(store.db(), keyspace),
        new OutboxStore(store.db(), keyspace),
        new Feed(store.db(), keyspace, Feed.EVENTS, Clock.systemUTC(), settle, continuations),
        new Feed(store.db(), keyspace, Feed.READINGS, Clock.systemUTC(), settle, continuations),
        queued -> {});
    router.refresh().toCompletableFuture().get(1, TimeUnit.MINUTES);
    return router;
  }

  private static List<CollectedReadings> deliveries(int meters, LocalDate night) {
    List<CollectedReadings> deliveries = new ArrayList<>();
    for (int m = 0; m < meters; m++) {
      deliveries.add(SampleDeliveries.nightly(new MeterId(String.format("SIM%08d", m)), night, night.toEpochDay()));
    }
    return deliveries;
  }

  private interface Body {
    void run() throws Exception;
  }

  private static double run(String name, int meters, Body body) throws Exception {
    long start = System.nanoTime();
    body.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = meters / seconds;
    System.out.printf("%-34s %8.1f s  %9.0f meters/s  %9.0f day-rows/s  (load average %.1f)%n", name, seconds, rate,
        rate * 2, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return rate;
  }

  /** The same rows the bridge writes, straight through the driver; VEE results computed first, untimed work included. */
  private static void rawWrites(MdmStore store, FeedRows feeds, List<CollectedReadings> deliveries)
      throws Exception {
    VeeEngine vee = new VeeEngine(VeeSettings.defaults());
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (CollectedReadings d : deliveries) {
      d.events().forEach(e -> {
        pending.add(store.events().write(e).toCompletableFuture());
        pending.addAll(feeds.event(e));
      });
      d.registers().forEach(r -> pending.add(store.registers().write(r).toCompletableFuture()));
      for (IntervalDay day : d.days()) {
        ValidatedDay v = vee.validate(day, Optional.empty(), MeterHistory.NONE, VeeLevel.FULL, d.postedAt());
        pending.add(store.intervals().writeRaw(day).toCompletableFuture());
        pending.add(store.intervals().writeValidated(v).toCompletableFuture());
        pending.add(store.completeness().write(v).toCompletableFuture());
        pending.addAll(feeds.reading(v));
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
  }

  private static void bridgeWrites(ReadingPosting posting, List<CollectedReadings> deliveries, int parallelDeliveries)
      throws Exception {
    Semaphore deliveriesInFlight = new Semaphore(parallelDeliveries);
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (CollectedReadings d : deliveries) {
      deliveriesInFlight.acquire();
      pending.add(posting.post(d, VeeLevel.FULL).toCompletableFuture()
          .whenComplete((r, e) -> deliveriesInFlight.release()));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
  }
}
