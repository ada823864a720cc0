package org.adcs.headend.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.AskPattern;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.bridge.ReadingsProjection;
import org.adcs.headend.journal.JournalSchema;
import org.adcs.headend.journal.JournalSettings;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel;
import org.adcs.headend.meter.MeterState;
import org.adcs.headend.testing.TestNodes;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;

/**
 * Issue 6's benchmark, on one real head-end (embedded Cassandra, H2 file journal, its meter port on
 * loopback), in two phases:
 *
 * <p>ingest: N simulated meters (this JVM, the simulator module's Fleet) are connected with their
 * entities passivated, then all push one whole day (96 intervals x 2 channels) at once; meters per
 * second from the first push to the last acknowledgement the meters received (the head-end
 * acknowledges only after the entity persisted IntervalsCollected). The baseline is the same journal
 * rows, byte for byte, written by plain batched JDBC into a fresh H2 file journal of the same schema.
 * On-demand reads run at a steady rate against other connected meters before (baseline) and during
 * the ingest.
 *
 * <p>memory: M meters dial in from a simulator in a separate JVM (so this JVM's heap is the head-end's
 * alone), their entities passivate, and the used heap after GC is compared with the heap before they
 * connected; then every entity is woken and the heap compared again.
 *
 * <p>System properties: bench.mode (all | ingest | memory), bench.meters (N), bench.idle-meters (M),
 * bench.reads-per-second, bench.read-meters (meters the reads go to, default 100),
 * bench.passivation (idle timeout of entities, default 20s).
 */
public final class HeadEndBenchmark {

  private static final ZoneOffset STANDARD_TIME = ZoneOffset.of("-05:00");
  private static final long SEED = 7;
  /** false: the pushes find their entities active (idle timeout permitting), to see what recovery costs. */
  /** Pushes in flight at most (0: all meters push at once). */
  private static final int PUSH_WINDOW = Integer.getInteger("bench.push-window", 0);
  private static final boolean PASSIVATED_BEFORE_INGEST =
      Boolean.parseBoolean(System.getProperty("bench.passivated-before-ingest", "true"));

  private final HeadEnd headEnd;
  private final JournalSettings journal;
  private final Duration passivation;

  private HeadEndBenchmark(HeadEnd headEnd, Duration passivation) {
    this.headEnd = headEnd;
    this.journal = headEnd.settings().journal();
    this.passivation = passivation;
  }

  public static void main(String[] args) throws Exception {
    String mode = System.getProperty("bench.mode", "all");
    int meters = Integer.getInteger("bench.meters", 10_000);
    int idleMeters = Integer.getInteger("bench.idle-meters", 10_000);
    int readsPerSecond = Integer.getInteger("bench.reads-per-second", 20);
    int readMeters = Integer.getInteger("bench.read-meters", 100);
    Duration passivation = Duration.parse("PT" + System.getProperty("bench.passivation", "20s").toUpperCase());

    System.out.printf("head-end benchmark: %s, JDK %s, %d cores, max heap %d MB, load average %s%n", mode,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, loadAverage());
    Map<String, String> env = TestNodes.nodeEnvironment("bench");
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", STANDARD_TIME.getId());
    // Only the bench shortens the idle timeout, so that passivation can be waited for.
    Map<String, Object> overrides = new HashMap<>(Map.of(
        "akka.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout", passivation.toMillis() + "ms"));
    // To try another size of akka-persistence-jdbc's queue of pending writes than the head-end's own.
    if (!System.getProperty("bench.journal-buffer", "").isBlank()) {
      overrides.put("jdbc-journal.bufferSize", Integer.getInteger("bench.journal-buffer"));
    }
    long started = System.nanoTime();
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env, overrides))) {
      System.out.printf("head-end started in %.1f s (embedded Cassandra, H2 journal %s), entity idle timeout %d s%n",
          (System.nanoTime() - started) / 1e9, headEnd.settings().journal().displayUrl(), passivation.toSeconds());
      System.out.printf("jdbc-journal.bufferSize = %d (queue of pending journal writes)%n",
          headEnd.system().settings().config().getInt("jdbc-journal.bufferSize"));
      HeadEndBenchmark bench = new HeadEndBenchmark(headEnd, passivation);
      if (!mode.equals("memory")) {
        bench.ingest(meters, readMeters, readsPerSecond);
      }
      if (!mode.equals("ingest")) {
        bench.idleMemory(idleMeters);
      }
    }
    System.out.printf("done, load average %s%n", loadAverage());
    System.exit(0);
  }

  // ---- ingest -----------------------------------------------------------------------------------

  private void ingest(int meters, int readMeters, int readsPerSecond) throws Exception {
    System.out.printf("%n== ingest: %d meters push one day each (%s); on-demand reads at %d/s against %d other meters ==%n",
        meters, PUSH_WINDOW <= 0 ? "all at once" : "at most " + PUSH_WINDOW + " pushes in flight", readsPerSecond, readMeters);
    Instant now = Instant.now();
    // Terms starting yesterday: a meter's first scheduled push carries yesterday, 96 intervals per channel.
    FleetTerms terms = FleetTerms.defaults(SEED, now.minus(Duration.ofDays(1))).withOffset(STANDARD_TIME);
    int total = meters + readMeters;
    // Named so that the CPU report tells the simulator's thread from the head-end's Netty workers.
    EventLoopGroup group = new NioEventLoopGroup(1, new io.netty.util.concurrent.DefaultThreadFactory("simulator", true));
    // The meters that are read on demand are other devices than the pushing ones: a fleet of their
    // own on an event loop of its own, so that a read does not wait in the pushing fleet's queue of
    // push compositions (a simulator artefact) but only for the head-end and the machine's cores.
    EventLoopGroup readGroup = new NioEventLoopGroup(1,
        new io.netty.util.concurrent.DefaultThreadFactory("simulator-read", true));
    ManualClock fleetClock = new ManualClock(now);
    Fleet fleet = new Fleet(FleetConfig.dialling(terms, meters, headEnd.meterPort().address())
        .withSourceAddresses(Math.max(1, (meters + 4999) / 5000)), fleetClock, group);
    Fleet readFleet = new Fleet(FleetConfig.dialling(terms, readMeters, headEnd.meterPort().address())
        .withFirstSourceHost(200).withFirstMeter(meters), fleetClock, readGroup);
    try {
      long t = System.nanoTime();
      fleet.start(false, line -> { });
      readFleet.start(false, line -> { });
      await(() -> headEnd.meterPort().connected().count() >= total, Duration.ofMinutes(10), "meters identified");
      System.out.printf("%d meters connected and identified in %.1f s%n", total, (System.nanoTime() - t) / 1e9);
      awaitJournalQuiet();
      warmRegisters(fleet, meters, group, fleetClock.instant());

      List<String> readIds = new ArrayList<>();
      for (int i = 0; i < readMeters; i++) {
        readIds.add(readFleet.meter(i).name());
      }
      try (OnDemandLoad reads = new OnDemandLoad(headEnd.meters(), readIds, false);
          OnDemandLoad probes = new OnDemandLoad(headEnd.meters(), readIds, true)) {
        reads.start(readsPerSecond);
        probes.start(readsPerSecond);
        TimeUnit.SECONDS.sleep(5);
        reads.swap(); // warm-up of the read path, not counted
        probes.swap();
        // Nightly pushes reach meters whose entities have passivated (connected all day, idle): wait for that.
        t = System.nanoTime();
        if (PASSIVATED_BEFORE_INGEST) {
          await(() -> activeEntities() <= readMeters, passivation.multipliedBy(6), "entities of the pushing meters passivated");
        }
        TimeUnit.SECONDS.sleep(Math.max(0, 20 - (System.nanoTime() - t) / 1_000_000_000L));
        Latencies idle = reads.swap();
        Latencies idleProbes = probes.swap();
        int active = activeEntities();

        long marker;
        try (Connection c = JournalSchema.connect(journal)) {
          marker = JournalRows.maxOrdering(c);
        }
        long acknowledgedBefore = fleet.stats().pushesAcknowledged();
        long sentBefore = fleet.stats().pushesSent();
        String loadBefore = loadAverage();
        CpuUse cpu = new CpuUse();
        long start = System.nanoTime();
        if (PUSH_WINDOW <= 0) {
          for (int i = 0; i < meters; i++) {
            fleet.pushNow(fleet.meter(i), 0);
          }
        } else {
          // The simulator composes every push on its one event loop, which also answers the reads: with
          // all pushes queued there at once, a read waits behind thousands of compositions. A window of
          // pushes in flight keeps that queue short while keeping the head-end busy.
          Thread feeder = new Thread(() -> {
            for (int i = 0; i < meters; i++) {
              while (i - (fleet.stats().pushesAcknowledged() - acknowledgedBefore) >= PUSH_WINDOW) {
                Thread.onSpinWait();
                LockSupport.parkNanos(200_000);
              }
              fleet.pushNow(fleet.meter(i), 0);
            }
          }, "push-feeder");
          feeder.setDaemon(true);
          feeder.start();
        }
        // When the simulator (same JVM) has written every push: if that is close to the end, it is the limit.
        long[] allSent = {0};
        Thread sentWatch = new Thread(() -> {
          while (fleet.stats().pushesSent() - sentBefore < meters && !Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
            try {
              TimeUnit.MILLISECONDS.sleep(2);
            } catch (InterruptedException e) {
              return;
            }
          }
          allSent[0] = System.nanoTime();
        }, "sent-watch");
        sentWatch.start();
        boolean all = awaitProgress(() -> fleet.stats().pushesAcknowledged() - acknowledgedBefore, meters);
        long end = System.nanoTime();
        Latencies during = reads.swap();
        Latencies duringProbes = probes.swap();
        String cpuReport = cpu.report();
        sentWatch.interrupt();
        sentWatch.join();
        long acknowledged = fleet.stats().pushesAcknowledged() - acknowledgedBefore;
        String loadAfter = loadAverage();
        double seconds = (end - start) / 1e9;
        System.out.printf("entities active when the pushes began: %d (the %d read meters' at most)%n", active, readMeters);
        System.out.printf("pushes acknowledged: %d of %d%s in %.2f s; load average before %s, after %s%n", acknowledged,
            meters, all ? "" : " (GAVE UP: no progress for 60 s)", seconds, loadBefore, loadAfter);
        System.out.printf("the simulator had written all %d pushes %.2f s after the first%n", meters,
            allSent[0] == 0 ? Double.NaN : (allSent[0] - start) / 1e9);
        System.out.println(cpuReport);

        Set<String> pushing = new HashSet<>();
        for (int i = 0; i < meters; i++) {
          pushing.add(Meter.TYPE_KEY.name() + "|" + fleet.meter(i).name());
        }
        List<JournalRows.Row> rows;
        Map<String, Long> lastByTag;
        try (Connection c = JournalSchema.connect(journal)) {
          rows = JournalRows.after(c, marker, pushing);
          lastByTag = JournalRows.lastEventByTag(c, marker);
        }
        Check check = check(rows);
        System.out.printf("journal: %d rows of the pushing meters (%s), %,d bytes of payload; %d meters with a"
                + " scheduled IntervalsCollected of 96 x 2 intervals, %d with another count%n", rows.size(), check.kinds,
            rows.stream().mapToLong(r -> r.payload().length).sum(), check.wholeDays, check.otherDays);

        // The budget of ARCHITECTURE.md is end to end into Cassandra: how long the projection needs after that.
        boolean delivered = awaitDelivered(lastByTag, Duration.ofMinutes(5));
        long deliveredAt = System.nanoTime();
        System.out.printf("MDM bridge projection %s all of it %.2f s after the first push%n",
            delivered ? "had delivered" : "had NOT delivered (5 min)", (deliveredAt - start) / 1e9);

        Path dir = Files.createTempDirectory(Path.of("target"), "baseline-journal-").toAbsolutePath();
        JournalSettings fresh = new JournalSettings("jdbc:h2:file:" + dir.resolve("adcs"), journal.user(),
            journal.password(), 1, Duration.ofSeconds(10));
        long baselineNanos = JournalRows.insertAsBaseline(fresh, rows, 500);
        double baselineSeconds = baselineNanos / 1e9;
        double ingestRate = acknowledged / seconds;
        double baselineRate = check.meters / baselineSeconds;

        System.out.printf("%n| ingest, %d meters x 96 intervals x 2 channels | time | meters/s |%n", meters);
        System.out.printf("|---|---|---|%n");
        System.out.printf("| raw JDBC insert of the same %d journal rows (baseline, fresh H2 file, batches of 500) | %.2f s | %,.0f |%n",
            rows.size(), baselineSeconds, baselineRate);
        System.out.printf("| head-end: first push to last acknowledgement (persisted first) | %.2f s | %,.0f |%n",
            seconds, ingestRate);
        System.out.printf("| head-end: first push to the MDM projection having delivered all | %.2f s | %,.0f |%n",
            (deliveredAt - start) / 1e9, acknowledged / ((deliveredAt - start) / 1e9));
        System.out.printf("| ratio head-end / raw JDBC | | **%.2f** |%n", ingestRate / baselineRate);
        System.out.printf("%n| on-demand reads (%d/s, %d meters) | reads | p50 | p99 | max | failed | over 250 ms |%n",
            readsPerSecond, readMeters);
        System.out.printf("|---|---|---|---|---|---|---|%n");
        System.out.printf("| no ingest (baseline) | %s |%n", row(idle));
        System.out.printf("| while %d meters push | %s |%n", meters, row(during));
        System.out.printf("| entity round trip only (GetStatus, same rate and meters), no ingest | %s |%n", row(idleProbes));
        System.out.printf("| entity round trip only, while %d meters push | %s |%n", meters, row(duringProbes));
        System.out.printf("target: >= 1,000 meters/s %s; on-demand p99 <= 250 ms while ingest runs %s%n",
            ingestRate >= 1000 ? "MET" : String.format("MISSED (%.0f%% of it)", 100 * ingestRate / 1000),
            during.quantileMillis(0.99) <= 250 ? "MET" : "MISSED");
      }
    } finally {
      fleet.close();
      readFleet.close();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      readGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /**
   * A simulated meter works out its first register by summing every generated quantum since its
   * installation (about 47 days); later registers start from a cache. A real meter pays that on its
   * own processor, so the pushing meters do it here, on the simulator's event loop, before the
   * clock starts: what the ingest then measures is the head-end, not the simulator's arithmetic.
   */
  private static void warmRegisters(Fleet fleet, int meters, EventLoopGroup group, Instant fleetNow) throws Exception {
    long t = System.nanoTime();
    group.submit(() -> {
      for (int i = 0; i < meters; i++) {
        fleet.meter(i).registersNow(fleetNow);
      }
    }).get(10, TimeUnit.MINUTES);
    System.out.printf("simulated meters' register caches warmed in %.1f s (before the measured window)%n",
        (System.nanoTime() - t) / 1e9);
  }

  private static String row(Latencies l) {
    return String.format("%d | %.1f ms | %.1f ms | %.1f ms | %d | %d", l.count(), l.quantileMillis(0.5),
        l.quantileMillis(0.99), l.maxMillis(), l.failed(), l.over(250));
  }

  private record Check(int meters, int wholeDays, int otherDays, String kinds) {}

  /** Decodes every row with the head-end's own serializer: did each meter's whole day arrive? */
  private Check check(List<JournalRows.Row> rows) {
    Serialization serialization = SerializationExtension.get(Adapter.toClassic(headEnd.system()));
    Map<String, Integer> kinds = new HashMap<>();
    Set<String> meters = new HashSet<>();
    int whole = 0;
    int other = 0;
    for (JournalRows.Row row : rows) {
      Object event = serialization.deserialize(row.payload(), row.serializerId(), row.serializerManifest()).get();
      kinds.merge(event.getClass().getSimpleName(), 1, Integer::sum);
      meters.add(row.persistenceId());
      if (event instanceof Meter.IntervalsCollected collected
          && collected.delivery().source() == MeterModel.Source.SCHEDULED) {
        Map<String, Integer> byChannel = new HashMap<>();
        for (MeterModel.ChannelDay day : collected.delivery().days()) {
          byChannel.merge(day.channel(), day.presentIntervals().cardinality(), Integer::sum);
        }
        if (byChannel.size() == 2 && byChannel.values().stream().allMatch(n -> n == 96)) {
          whole++;
        } else {
          other++;
        }
      }
    }
    return new Check(meters.size(), whole, other, kinds.toString());
  }

  private boolean awaitDelivered(Map<String, Long> lastByTag, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection c = JournalSchema.connect(journal)) {
        Map<String, Long> offsets = JournalRows.projectionOffsets(c, ReadingsProjection.NAME);
        if (lastByTag.entrySet().stream().allMatch(e -> offsets.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
          return true;
        }
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return false;
  }

  /** Waits for {@code target}; gives up when the count has not moved for 60 s. */
  private static boolean awaitProgress(java.util.function.LongSupplier count, long target) throws InterruptedException {
    long last = -1;
    long lastMove = System.nanoTime();
    while (true) {
      long n = count.getAsLong();
      if (n >= target) {
        return true;
      }
      if (n != last) {
        last = n;
        lastMove = System.nanoTime();
      } else if (System.nanoTime() - lastMove > TimeUnit.SECONDS.toNanos(60)) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  // ---- idle memory ------------------------------------------------------------------------------

  private void idleMemory(int meters) throws Exception {
    System.out.printf("%n== memory: %d meters connected from a simulator JVM, entities passivated ==%n", meters);
    await(() -> headEnd.meterPort().connected().count() == 0, Duration.ofMinutes(2), "earlier connections closed");
    await(() -> activeEntities() == 0, passivation.multipliedBy(6), "all entities passivated");
    long before = usedHeapAfterGc();
    Process simulator = startSimulator(meters);
    try {
      long t = System.nanoTime();
      await(() -> headEnd.meterPort().connected().count() >= meters, Duration.ofMinutes(10), "meters identified");
      System.out.printf("%d meters connected and identified in %.1f s%n", meters, (System.nanoTime() - t) / 1e9);
      awaitJournalQuiet();
      await(() -> activeEntities() == 0, passivation.multipliedBy(6), "entities passivated");
      int connected = headEnd.meterPort().connected().count();
      long idle = usedHeapAfterGc();
      int stillPassivated = activeEntities();

      // Wake every entity (recovery from snapshot and journal), then touch each again so none has
      // reached its idle timeout by the time the heap is measured; checked afterwards.
      t = System.nanoTime();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < meters; i++) {
        ids.add(String.format("ADC%013d", 10_000_000L + i)); // the simulator's logical device names
      }
      touchAll(ids);
      double wakeSeconds = (System.nanoTime() - t) / 1e9;
      touchAll(ids);
      long active = usedHeapAfterGc();
      int activeCount = activeEntities();

      System.out.printf("%n| head-end heap (used after GC) | MB | bytes per meter |%n|---|---|---|%n");
      System.out.printf("| before the meters connected | %.1f | |%n", before / 1e6);
      System.out.printf("| %d meters connected, sessions kept, entities passivated (%d active) | %.1f | %,.0f |%n",
          connected, stillPassivated, idle / 1e6, (idle - before) / (double) meters);
      System.out.printf("| the same with every entity active (%d active; woken in %.1f s) | %.1f | %,.0f more per active entity |%n",
          activeCount, wakeSeconds, active / 1e6, (active - idle) / (double) meters);
      System.out.printf("target: <= 10 KB per connected idle meter (entity + session): %s%n",
          (idle - before) / (double) meters <= 10_240 ? "MET" : "MISSED");
    } finally {
      simulator.destroy();
      simulator.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private void touchAll(List<String> ids) throws InterruptedException {
    Semaphore inFlight = new Semaphore(256);
    List<CompletableFuture<MeterState>> all = new ArrayList<>();
    for (String id : ids) {
      inFlight.acquire();
      CompletableFuture<MeterState> f = headEnd.meters().meter(id)
          .<MeterState>ask(Meter.GetStatus::new, Duration.ofSeconds(60)).toCompletableFuture();
      f.whenCompleteAsync((s, e) -> inFlight.release(), OnDemandLoad.DIRECT);
      all.add(f);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  /** The simulator CLI in its own JVM, dialling this head-end's meter port; its output is passed through. */
  private Process startSimulator(int meters) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.adcs.simulator.cli.SimulatorCli", "run", "--meters", Integer.toString(meters),
        "--head-end", "127.0.0.1:" + headEnd.meterPort().address().getPort(), "--seed", Long.toString(SEED),
        "--utc-offset", STANDARD_TIME.getId(), "--summary-every", "60s");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread pump = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          System.out.println("  [simulator] " + line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "simulator-output");
    pump.setDaemon(true);
    pump.start();
    return p;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Entities alive on this node, from the shard regions' own state. */
  private int activeEntities() {
    ActorSystem<Void> system = headEnd.system();
    ShardRegion.CurrentShardRegionState state = AskPattern.ask(ClusterSharding.get(system).shardState(),
            (ActorRef<ShardRegion.CurrentShardRegionState> replyTo) -> new GetShardRegionState(Meter.TYPE_KEY, replyTo),
            Duration.ofSeconds(30), system.scheduler())
        .toCompletableFuture().join();
    return state.getShards().stream().mapToInt(s -> s.getEntityIds().size()).sum();
  }

  /** Waits until the journal has taken no new event for 3 s (registrations, clock checks after connecting). */
  private void awaitJournalQuiet() throws Exception {
    long last = -1;
    long since = System.nanoTime();
    while (System.nanoTime() - since < TimeUnit.SECONDS.toNanos(3)) {
      long now;
      try (Connection c = JournalSchema.connect(journal)) {
        now = JournalRows.maxOrdering(c);
      }
      if (now != last) {
        last = now;
        since = System.nanoTime();
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(200);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
