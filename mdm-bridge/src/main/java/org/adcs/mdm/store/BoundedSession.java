package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import org.adcs.mdm.metrics.BridgeMetrics;

/**
 * The driver session with a hard bound on requests in flight. When the bound is reached, the
 * caller waits for a free slot: back-pressure reaches the producer instead of the driver's queue
 * growing without limit. Call it from a thread that may block (a blocking dispatcher, or through a
 * stream stage whose parallelism is at most {@link #maxInFlight()}, which then never waits). Never
 * from the driver's own I/O threads, i.e. not in a plain {@code thenCompose} on a driver future: an
 * I/O thread waiting here stops reading the answers that free the slots, and the node deadlocks (an
 * outage storm of 1,000 events did so; docs/benchmarks.md).
 */
public final class BoundedSession {

  private final CqlSession session;
  private final Semaphore slots;
  private final int maxInFlight;

  public BoundedSession(CqlSession session, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("max in-flight requests must be at least 1");
    }
    this.session = session;
    this.maxInFlight = maxInFlight;
    this.slots = new Semaphore(maxInFlight);
  }

  public CompletionStage<AsyncResultSet> executeAsync(Statement<?> statement) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
    CompletionStage<AsyncResultSet> result;
    long started = System.nanoTime();
    try {
      result = session.executeAsync(statement);
    } catch (RuntimeException e) {
      slots.release();
      BridgeMetrics.CASSANDRA.labelValues("failed").observe((System.nanoTime() - started) / 1e9);
      return CompletableFuture.failedFuture(e);
    }
    return result.whenComplete((rs, error) -> {
      slots.release();
      BridgeMetrics.CASSANDRA.labelValues(error == null ? "ok" : "failed").observe((System.nanoTime() - started) / 1e9);
    });
  }

  public CqlSession session() {
    return session;
  }

  public int maxInFlight() {
    return maxInFlight;
  }

  public int inFlight() {
    return maxInFlight - slots.availablePermits();
  }
}
