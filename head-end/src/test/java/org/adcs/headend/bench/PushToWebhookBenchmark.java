package org.adcs.headend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.headend.testing.WebhookReceiver;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.routing.OutboxEntry;
import org.adcs.mdm.routing.OutboxStore;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.EventCode;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.time.AcceleratedClock;

/**
 * Event routing latency from a meter's push to the subscriber (issue 7, R-EV-2): a whole head-end
 * (H2 journal, the real Cassandra node the integration tests use, HTTP API) with a simulated fleet
 * dialling its meter port and a webhook subscriber made through the API. Meters in turn log a power
 * outage or restoration and push it at once, at a steady rate; each event's latency runs from the
 * moment its push was written to the meter's socket to the webhook's receipt of the event.
 *
 * <p>Baseline in the same run: a plain loopback HTTP POST of a notification of the same shape to a
 * second receiver, one per event, from the same pacing thread. The head-end stamps each event with
 * its receipt (receivedAt), which splits the latency into push to head-end and head-end to webhook.
 *
 * <p>Run through the head-end's bench profile (docs/benchmarks.md): {@code -Dbench.meters},
 * {@code -Dbench.rate} (events/s), {@code -Dbench.seconds}, {@code -Dbench.warmup-seconds}, and
 * {@code -Dbench.burst} (after the steady run, that many meters push a power-down in the same second),
 * {@code -Dbench.refresh-interval} to override the read journal's poll intervals (application.conf) for
 * a comparison, e.g. {@code 1s}, akka-persistence-jdbc's default.
 */
public final class PushToWebhookBenchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One event the benchmark made a meter log; the probe fills in when its push left the meter. */
  private static final class Logged {
    final String key;
    final boolean measured;
    final boolean burst;
    volatile long pushedNanos;
    volatile long pushedWallMillis;

    Logged(String key, boolean measured, boolean burst) {
      this.key = key;
      this.measured = measured;
      this.burst = burst;
    }
  }

  /**
   * Sits at the tail of a meter's pipeline, so it sees the fleet's pushes (written to the channel)
   * before they are encoded, and stamps the events logged since the last push with the moment the
   * write completed: the bytes are in the socket.
   */
  private static final class PushProbe extends ChannelOutboundHandlerAdapter {
    private static final int DATA_NOTIFICATION = 0x0F;
    final Queue<Logged> pending = new ConcurrentLinkedQueue<>();

    @Override
    public boolean isSharable() {
      return false;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
      if (msg instanceof WrapperFrame frame && frame.apdu().length > 0
          && (frame.apdu()[0] & 0xFF) == DATA_NOTIFICATION && !pending.isEmpty()) {
        // Everything logged before this push was composed is in it: the pacing thread logs, then
        // asks for the push, and a meter is logged to again only after every other meter had its turn.
        List<Logged> inPush = new ArrayList<>();
        for (Logged l; (l = pending.poll()) != null; ) {
          inPush.add(l);
        }
        promise.addListener(done -> {
          long nanos = System.nanoTime();
          long wall = System.currentTimeMillis();
          if (done.isSuccess()) {
            for (Logged l : inPush) {
              l.pushedWallMillis = wall;
              l.pushedNanos = nanos;
            }
          }
        });
      }
      super.write(ctx, msg, promise);
    }
  }

  public static void main(String[] args) throws Exception {
    int meters = Integer.getInteger("bench.meters", 1000);
    double rate = Double.parseDouble(System.getProperty("bench.rate", "20"));
    int seconds = Integer.getInteger("bench.seconds", 60);
    int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 15);
    int burst = Math.min(Integer.getInteger("bench.burst", 0), meters);
    String refresh = System.getProperty("bench.refresh-interval", "").trim();

    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("route-bench"),
        "adcs_route_bench");
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00"); // the simulated meters keep UTC as standard time
    Map<String, Object> overrides = new HashMap<>();
    if (!refresh.isEmpty()) {
      overrides.put("jdbc-read-journal.refresh-interval", refresh);
      overrides.put("jdbc-read-journal.journal-sequence-retrieval.query-delay", refresh);
      // As application.conf does: the sequence actor waits ~10 s for an ordering gap whatever its delay.
      Duration delay = com.typesafe.config.ConfigFactory.parseString("d = " + refresh).getDuration("d");
      overrides.put("jdbc-read-journal.journal-sequence-retrieval.max-tries",
          (int) Math.max(1, Duration.ofSeconds(10).toMillis() / Math.max(1, delay.toMillis())));
    }
    System.out.printf("push-to-webhook benchmark: %d meters, %.1f events/s, %d s warm-up + %d s measured, %s%n",
        meters, rate, warmupSeconds, seconds, LocalDate.now());
    System.out.printf("load average before start: %.2f, %d cores, JDK %s%n", load(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    EventLoopGroup group = new NioEventLoopGroup(1);
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-pacer"));
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env, overrides));
        WebhookReceiver subscriber = new WebhookReceiver();
        WebhookReceiver baseline = new WebhookReceiver()) {
      var config = headEnd.system().settings().config();
      System.out.printf("read journal: refresh-interval %s, journal-sequence-retrieval.query-delay %s, max-tries %d%n",
          config.getString("jdbc-read-journal.refresh-interval"),
          config.getString("jdbc-read-journal.journal-sequence-retrieval.query-delay"),
          config.getInt("jdbc-read-journal.journal-sequence-retrieval.max-tries"));
      String token = new ApiClient(headEnd.httpUrl()).tokenFor("route-bench", "downstream-system");
      HttpResponse<String> created = post(headEnd.httpUrl() + "/api/v1/subscriptions", token, "{\"name\":\"route-bench\","
          + "\"eventTypes\":[\"POWER_OUTAGE\",\"POWER_RESTORED\"],\"webhook\":\"" + subscriber.url() + "\"}");
      if (created.statusCode() != 201) {
        throw new IllegalStateException("subscription not created: " + created.statusCode() + " " + created.body());
      }

      // Real time for the meters (speed 1): nothing of the fleet's schedules or generated history is
      // due while the benchmark runs, so the meters push only what the benchmark makes them log.
      AcceleratedClock clock = new AcceleratedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), 1);
      FleetTerms terms = FleetTerms.defaults(7, clock.instant());
      try (Fleet fleet = new Fleet(FleetConfig.dialling(terms, meters, headEnd.meterPort().address()), clock, group)) {
        long connecting = System.nanoTime();
        fleet.start(false, line -> { });
        if (!fleet.awaitConnected(meters, Duration.ofSeconds(120))) {
          throw new IllegalStateException("only " + fleet.stats().connected() + " meters connected");
        }
        await(() -> headEnd.meterPort().connected().count() == meters, 120);
        System.out.printf("%d meters connected and identified in %.1f s%n", meters,
            (System.nanoTime() - connecting) / 1e9);
        PushProbe[] probes = new PushProbe[meters];
        for (int i = 0; i < meters; i++) {
          probes[i] = new PushProbe();
          fleet.meter(i).connection().pipeline().addLast("bench-push-probe", probes[i]);
        }
        long connectsBefore = fleet.stats().connects();
        TimeUnit.SECONDS.sleep(5); // the head-end's work on new connections (clock checks) settles

        Map<String, Logged> logged = new ConcurrentHashMap<>();
        Map<String, Long> baselineSent = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        int warmupEvents = (int) Math.round(rate * warmupSeconds);
        int total = warmupEvents + (int) Math.round(rate * seconds);
        if (total > 2 * meters) {
          // A meter logs at most one event per second of its clock that a push has not reported yet.
          System.out.printf("note: %d events over %d meters: each meter logs about every %.0f s%n", total, meters,
              meters / rate);
        }
        double loadAtStart = load();
        long period = Math.round(1e9 / rate);
        var pacing = pacer.scheduleAtFixedRate(() -> {
          int n = next.getAndIncrement();
          if (n >= total) {
            return;
          }
          SimulatedMeter meter = fleet.meter(n % meters);
          // Outage, then restoration, then outage ... per meter; the event's time is the meter's clock.
          EventCode code = (n / meters) % 2 == 0 ? EventCode.POWER_DOWN : EventCode.POWER_UP;
          Instant at = meter.now(clock.instant()).truncatedTo(ChronoUnit.SECONDS);
          Logged l = new Logged(key(meter.name(), LocalDateTime.ofInstant(at, ZoneOffset.UTC), code.code()),
              n >= warmupEvents, false);
          logged.put(l.key, l);
          probes[n % meters].pending.add(l);
          meter.logEvent(at, code);
          fleet.pushEvents(meter);
          String baselineKey = "baseline:" + n;
          baselineSent.put(baselineKey, System.nanoTime());
          HTTP.sendAsync(HttpRequest.newBuilder(baseline.url()).header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(baselineBody(baselineKey, meter.name(), code, at))).build(),
              HttpResponse.BodyHandlers.discarding());
        }, 0, period, TimeUnit.NANOSECONDS);
        await(() -> next.get() >= total, warmupSeconds + seconds + 60);
        pacing.cancel(false);
        double loadAtEnd = load();
        long measuredCount = logged.values().stream().filter(l -> l.measured).count();
        long drainStart = System.nanoTime();
        await(() -> delivered(subscriber, logged) >= measuredCount, 60);
        System.out.printf("all events generated; waited %.1f s after the last one for deliveries%n",
            (System.nanoTime() - drainStart) / 1e9);
        TimeUnit.SECONDS.sleep(2); // duplicates, if any, arrive too

        report(subscriber.received(), logged, baseline.received(), baselineSent, warmupEvents,
            fleet.stats().connects() - connectsBefore, loadAtStart, loadAtEnd);

        if (burst > 0) {
          // An outage storm: that many meters lose power in the same second and each pushes its
          // power-down at once (R-EV-2's worst case), after the steady run has drained.
          TimeUnit.SECONDS.sleep(2);
          double loadBeforeBurst = load();
          for (int i = 0; i < burst; i++) {
            SimulatedMeter meter = fleet.meter(i);
            Instant at = meter.now(clock.instant()).truncatedTo(ChronoUnit.SECONDS);
            Logged l = new Logged(key(meter.name(), LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                EventCode.POWER_DOWN.code()), false, true);
            logged.put(l.key, l);
            probes[i].pending.add(l);
            meter.logEvent(at, EventCode.POWER_DOWN);
            fleet.pushEvents(meter);
          }
          await(() -> deliveredBurst(subscriber, logged) >= burst, 60);
          TimeUnit.SECONDS.sleep(1);
          reportBurst(subscriber.received(), logged, burst, loadBeforeBurst);
        }
        explainMissing(headEnd, UUID.fromString(JSON.readTree(created.body()).get("id").asText()),
            subscriber.received(), logged);
      }
    } finally {
      pacer.shutdownNow();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
    // The shared Cassandra node and the akka threads stop with the JVM.
    System.exit(0);
  }

  /**
   * For measured events the webhook never got: whether the store has them and whether, and how, the
   * subscription's outbox holds them, so a loss shows where in the pipeline it happened.
   */
  private static void explainMissing(HeadEnd headEnd, UUID subscription, List<WebhookReceiver.Received> received,
      Map<String, Logged> logged) {
    Set<String> got = new HashSet<>();
    received.forEach(r -> got.add(keyOf(r.notification())));
    List<String> missing = logged.values().stream().filter(l -> (l.measured || l.burst) && !got.contains(l.key))
        .map(l -> l.key)
        .sorted().toList();
    if (missing.isEmpty()) {
      return;
    }
    String keyspace = headEnd.settings().config().getString("adcs.cassandra.keyspace");
    OutboxStore outbox = new OutboxStore(headEnd.bridge().store().db(), keyspace);
    Map<String, OutboxEntry> queued = new HashMap<>();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (LocalDate day : List.of(today.minusDays(1), today)) {
      Optional<OutboxEntry.Position> after = Optional.empty();
      while (true) {
        List<OutboxEntry> page = outbox.next(subscription, day, after, 5000).toCompletableFuture().join();
        for (OutboxEntry e : page) {
          try {
            queued.put(keyOf(JSON.readTree(e.payload())), e);
          } catch (Exception ex) {
            throw new IllegalStateException(ex);
          }
        }
        if (page.size() < 5000) {
          break;
        }
        after = Optional.of(page.get(page.size() - 1).position());
      }
    }
    System.out.printf("%n%d measured events never reached the webhook:%n", missing.size());
    for (String key : missing.subList(0, Math.min(20, missing.size()))) {
      String[] parts = key.split("/");
      LocalDateTime at = LocalDateTime.parse(parts[1]);
      boolean stored = headEnd.bridge().store().events().events(new MeterId(parts[0]), at.minusSeconds(1),
              at.plusSeconds(1)).toCompletableFuture().join().stream()
          .anyMatch(e -> e.occurredAt().equals(at) && e.code() == Integer.parseInt(parts[2]));
      OutboxEntry entry = queued.get(key);
      System.out.printf("  %s: pushed %s, stored %s, outbox %s%n", key, logged.get(key).pushedNanos != 0, stored,
          entry == null ? "none" : "received " + entry.receivedAt() + ", delivered " + entry.delivered()
              + ", attempts " + entry.attempts());
    }
  }

  private static String key(String meter, LocalDateTime occurredAt, int code) {
    return meter + "/" + occurredAt + "/" + code;
  }

  private static long delivered(WebhookReceiver subscriber, Map<String, Logged> logged) {
    return subscriber.received().stream().map(r -> logged.get(keyOf(r.notification())))
        .filter(l -> l != null && l.measured).map(l -> l.key).distinct().count();
  }

  private static long deliveredBurst(WebhookReceiver subscriber, Map<String, Logged> logged) {
    return subscriber.received().stream().map(r -> logged.get(keyOf(r.notification())))
        .filter(l -> l != null && l.burst).map(l -> l.key).distinct().count();
  }

  private static void reportBurst(List<WebhookReceiver.Received> received, Map<String, Logged> logged, int burst,
      double load) {
    Set<String> seen = new HashSet<>();
    List<Long> total = new ArrayList<>();
    List<Long> toHeadEnd = new ArrayList<>();
    long firstPush = Long.MAX_VALUE;
    long lastPush = Long.MIN_VALUE;
    long lastReceipt = Long.MIN_VALUE;
    for (WebhookReceiver.Received r : received) {
      Logged l = logged.get(keyOf(r.notification()));
      if (l == null || !l.burst || !seen.add(l.key) || l.pushedNanos == 0) {
        continue;
      }
      total.add((r.atNanos() - l.pushedNanos) / 1000);
      toHeadEnd.add((Instant.parse(r.notification().get("receivedAt").asText()).toEpochMilli() - l.pushedWallMillis)
          * 1000);
      firstPush = Math.min(firstPush, l.pushedNanos);
      lastPush = Math.max(lastPush, l.pushedNanos);
      lastReceipt = Math.max(lastReceipt, r.atNanos());
    }
    System.out.printf("%noutage burst: %d meters push a power-down in the same second (load average %.2f before);"
        + " %d delivered; pushes left the meters within %.1f ms, the last event reached the webhook %.1f ms after the"
        + " first push%n%n", burst, load, total.size(), (lastPush - firstPush) / 1e6, (lastReceipt - firstPush) / 1e6);
    System.out.println("| latency (ms) | count | p50 | p95 | p99 | max |");
    System.out.println("|---|---|---|---|---|---|");
    row("burst: meter push -> webhook receipt", total);
    row("  of which push -> head-end receipt (ms clock)", toHeadEnd);
  }

  private static String keyOf(JsonNode n) {
    return key(n.get("meterId").asText(), LocalDateTime.parse(n.get("occurredAt").asText()), n.get("code").asInt());
  }

  /** A notification shaped like the head-end's (Notifications.event), inside the same envelope. */
  private static String baselineBody(String key, String meter, EventCode code, Instant at) {
    String type = code == EventCode.POWER_DOWN ? "POWER_OUTAGE" : "POWER_RESTORED";
    Instant now = Instant.now();
    return "{\"events\":[{\"kind\":\"event\",\"key\":\"" + key + "\",\"meterId\":\"" + meter + "\",\"sequence\":1,"
        + "\"type\":\"" + type + "\",\"code\":" + code.code() + ",\"occurredAt\":\""
        + LocalDateTime.ofInstant(at, ZoneOffset.UTC) + "\",\"receivedAt\":\"" + now + "\",\"source\":\"SCHEDULED\"}]}";
  }

  private static void report(List<WebhookReceiver.Received> received, Map<String, Logged> logged,
      List<WebhookReceiver.Received> baselineReceived, Map<String, Long> baselineSent, int warmupEvents,
      long reconnects, double loadAtStart, double loadAtEnd) {
    Map<String, Integer> times = new HashMap<>();
    List<Long> total = new ArrayList<>();
    List<Long> toHeadEnd = new ArrayList<>();
    List<Long> fromHeadEnd = new ArrayList<>();
    int unmatched = 0;
    int unstamped = 0;
    for (WebhookReceiver.Received r : received) {
      Logged l = logged.get(keyOf(r.notification()));
      if (l == null) {
        unmatched++;
        continue;
      }
      if (times.merge(l.key, 1, Integer::sum) > 1 || !l.measured) {
        continue; // a duplicate counts once, at its first arrival
      }
      if (l.pushedNanos == 0) {
        unstamped++;
        continue;
      }
      long micros = (r.atNanos() - l.pushedNanos) / 1000;
      total.add(micros);
      long receivedAt = Instant.parse(r.notification().get("receivedAt").asText()).toEpochMilli();
      long headEndMicros = (receivedAt - l.pushedWallMillis) * 1000;
      toHeadEnd.add(headEndMicros);
      fromHeadEnd.add(micros - headEndMicros);
    }
    List<Long> base = new ArrayList<>();
    for (WebhookReceiver.Received r : baselineReceived) {
      String key = r.key();
      int n = Integer.parseInt(key.substring(key.indexOf(':') + 1));
      Long sent = baselineSent.get(key);
      if (sent != null && n >= warmupEvents) {
        base.add((r.atNanos() - sent) / 1000);
      }
    }
    long measured = logged.values().stream().filter(l -> l.measured).count();
    long duplicates = times.values().stream().filter(c -> c > 1).count();
    System.out.printf("%nmeasured events: %d logged and pushed, %d delivered to the webhook (%d duplicates, %d not"
            + " logged by the benchmark, %d without a push stamp), %d meter reconnections during the run%n",
        measured, total.size() + unstamped, duplicates, unmatched, unstamped, reconnects);
    System.out.printf("load average: %.2f when the events started, %.2f when they ended%n%n", loadAtStart, loadAtEnd);
    System.out.println("| latency (ms) | count | p50 | p95 | p99 | max |");
    System.out.println("|---|---|---|---|---|---|");
    row("meter push -> webhook receipt", total);
    row("  of which push -> head-end receipt (ms clock)", toHeadEnd);
    row("  of which head-end receipt -> webhook", fromHeadEnd);
    row("baseline: loopback HTTP POST -> receipt", base);
    long[] t = sorted(total);
    long[] b = sorted(base);
    if (t.length > 0 && b.length > 0) {
      System.out.printf("%nratio push->webhook / baseline POST: p50 %.0fx, p99 %.0fx%n",
          (double) pct(t, 50) / Math.max(1, pct(b, 50)), (double) pct(t, 99) / Math.max(1, pct(b, 99)));
      System.out.printf("p99 push -> webhook: %.1f ms (target <= 1000 ms): %s%n", pct(t, 99) / 1000.0,
          pct(t, 99) <= 1_000_000 ? "MET" : "NOT MET");
    }
  }

  private static void row(String what, List<Long> micros) {
    long[] s = sorted(micros);
    if (s.length == 0) {
      System.out.printf("| %s | 0 | | | | |%n", what);
      return;
    }
    System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", what, s.length, pct(s, 50) / 1000.0,
        pct(s, 95) / 1000.0, pct(s, 99) / 1000.0, s[s.length - 1] / 1000.0);
  }

  private static long[] sorted(List<Long> values) {
    long[] s = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(s);
    return s;
  }

  /** Nearest-rank percentile. */
  private static long pct(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static HttpResponse<String> post(String url, String token, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        System.out.println("timed out after " + seconds + " s; reporting what arrived");
        return;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }
}
