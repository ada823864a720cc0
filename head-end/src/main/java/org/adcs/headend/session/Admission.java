package org.adcs.headend.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bound on the meter work in flight at once, so that a storm of meters (all reconnecting when
 * power returns after an outage, a whole read group pushing in the same second) reaches the meter
 * entities and the journal at the rate they can take instead of all at once: beyond the bound,
 * work waits here, in arrival order, and starts as earlier work finishes. A waiting meter has been
 * told nothing yet (not identified, not acknowledged), so nothing is lost by waiting; a meter whose
 * connection closes meanwhile simply finds its work failing at once when its turn comes.
 *
 * <p>The queue holds at most what the open connections have sent (one announcement each, a push
 * or a few each), so it is bounded by the connections the meter port holds.
 */
final class Admission {

  /** One admitted piece of work; {@link #release()} is idempotent. */
  final class Permit {
    private final AtomicBoolean released = new AtomicBoolean();

    void release() {
      if (released.compareAndSet(false, true)) {
        next();
      }
    }
  }

  /** Work to start with its permit, on its connection's executor. */
  interface Work {
    void start(Permit permit);
  }

  /** The meter port's two bounds: meters being identified, and pushes being stored and acknowledged. */
  record Gates(Admission identifications, Admission pushes) {}

  private record Waiting(Executor executor, Work work) {}

  private final String what;
  private final int limit;
  private final Queue<Waiting> waiting = new ArrayDeque<>();
  private int inFlight;

  Admission(String what, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(what + ": at least one in flight");
    }
    this.what = what;
    this.limit = limit;
  }

  /** Starts {@code work} on {@code executor} now, or once a permit is free. */
  void admit(Executor executor, Work work) {
    synchronized (this) {
      if (inFlight >= limit) {
        waiting.add(new Waiting(executor, work));
        return;
      }
      inFlight++;
    }
    start(executor, work);
  }

  private void next() {
    Waiting turn;
    synchronized (this) {
      turn = waiting.poll();
      if (turn == null) {
        inFlight--;
        return;
      }
    }
    start(turn.executor(), turn.work()); // the permit passes on
  }

  /** A permit is released whatever happens to its work, so none is ever lost. */
  private void start(Executor executor, Work work) {
    Permit permit = new Permit();
    try {
      executor.execute(() -> {
        try {
          work.start(permit);
        } catch (RuntimeException e) {
          permit.release();
          throw e;
        }
      });
    } catch (RejectedExecutionException closing) {
      permit.release(); // the connection's event loop is shutting down
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized int waiting() {
    return waiting.size();
  }

  @Override
  public String toString() {
    return what + " (" + inFlight() + " of " + limit + " in flight, " + waiting() + " waiting)";
  }
}
