package org.adcs.headend.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.adcs.headend.meter.MeterRequests;

/**
 * On-demand reads taken asynchronously (R-OD-1: "the POST returns a request id at once ... the result
 * is fetched later"): the read's answer by request id, kept on the node that took the request for
 * {@code keep} and at most {@code capacity} requests (the oldest go first), so a flood of requests
 * cannot grow the heap without bound.
 */
final class AsyncReads {

  /**
   * A read as its requester sees it: still running, or finished with the meter's answer.
   *
   * @param requester the principal that asked: only it (or an operator) gets the answer
   */
  record Tracked(String meterId, String requester, Instant requestedAt, MeterRequests.ReadResult result) {
    boolean done() {
      return result != null;
    }
  }

  private final Map<String, Tracked> reads = new LinkedHashMap<>();
  private final int capacity;
  private final Duration keep;
  private final Clock clock;

  AsyncReads(int capacity, Duration keep, Clock clock) {
    this.capacity = capacity;
    this.keep = keep;
    this.clock = clock;
  }

  /** Tracks a read under a new request id; the answer is kept once it arrives. */
  synchronized String track(String meterId, String requester, CompletionStage<MeterRequests.ReadResult> read) {
    evict();
    String id = UUID.randomUUID().toString();
    reads.put(id, new Tracked(meterId, requester, clock.instant(), null));
    read.whenComplete((result, error) -> finish(id, error == null ? result
        : MeterRequests.ReadResult.failed("the read did not complete: " + error.getMessage(), clock.instant())));
    return id;
  }

  private synchronized void finish(String id, MeterRequests.ReadResult result) {
    reads.computeIfPresent(id, (k, t) -> new Tracked(t.meterId(), t.requester(), t.requestedAt(), result));
  }

  synchronized Optional<Tracked> lookup(String id) {
    evict();
    return Optional.ofNullable(reads.get(id));
  }

  private void evict() {
    Instant oldest = clock.instant().minus(keep);
    for (Iterator<Tracked> it = reads.values().iterator(); it.hasNext(); ) {
      Tracked t = it.next();
      if (reads.size() >= capacity || t.requestedAt().isBefore(oldest)) {
        it.remove();
      } else {
        break; // insertion order: the rest are younger
      }
    }
  }
}
