package org.adcs.headend.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.headend.meter.MeterSharding;

/**
 * On-demand reads (R-OD-1) at a steady rate, open loop: a read is sent every 1/rate seconds whether or
 * not earlier ones have answered, so a slow head-end shows up as latency rather than as fewer reads.
 * Meters are taken in turn, so each meter has at most one read out at a time at sane rates.
 */
final class OnDemandLoad implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /**
   * Where the answers are recorded: on the thread that completes the ask. Without an executor an ask's
   * stage would start a new thread per callback on a 2-core machine (docs/benchmarks.md, "head-end").
   */
  static final java.util.concurrent.Executor DIRECT = Runnable::run;

  private final MeterSharding meters;
  private final List<String> meterIds;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "on-demand-load");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicReference<Latencies> window = new AtomicReference<>(new Latencies());

  private final boolean statusOnly;

  /**
   * @param statusOnly ask the entity for its state (Meter.GetStatus) instead of reading the meter: the
   *                   round trip through sharding and the entity's mailbox alone, no meter, no journal
   */
  OnDemandLoad(MeterSharding meters, List<String> meterIds, boolean statusOnly) {
    this.meters = meters;
    this.meterIds = List.copyOf(meterIds);
    this.statusOnly = statusOnly;
  }

  void start(int perSecond) {
    long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
    ticker.scheduleAtFixedRate(this::readOne, 0, period, TimeUnit.NANOSECONDS);
  }

  /** Ends the current window and starts a new one; a read is counted in the window it was sent in. */
  Latencies swap() {
    return window.getAndSet(new Latencies());
  }

  private void readOne() {
    String id = meterIds.get(Math.floorMod(next.getAndIncrement(), meterIds.size()));
    Latencies in = window.get();
    long sent = System.nanoTime();
    if (statusOnly) {
      meters.meter(id).<org.adcs.headend.meter.MeterState>ask(Meter.GetStatus::new, TIMEOUT)
          .whenCompleteAsync((state, error) -> {
            if (error == null) {
              in.record(System.nanoTime() - sent);
            } else {
              in.failure();
            }
          }, DIRECT);
      return;
    }
    meters.meter(id).<MeterRequests.ReadResult>ask(replyTo -> Meter.ReadRange.onDemand("bench", replyTo), TIMEOUT)
        .whenCompleteAsync((result, error) -> {
          if (error == null && result.ok() && result.intervalsReceived() > 0) {
            in.record(System.nanoTime() - sent);
          } else {
            in.failure();
          }
        }, DIRECT);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
