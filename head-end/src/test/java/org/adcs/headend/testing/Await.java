package org.adcs.headend.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waits for a condition of the system under test, with a deadline: the one way tests poll what
 * happens asynchronously (cluster membership, readiness, data reaching the store).
 */
public final class Await {

  /** How often the condition is asked again: short against the seconds the waits allow. */
  private static final long POLL_MILLIS = 100;

  private Await() {}

  /**
   * Returns once {@code condition} holds; fails with {@code what} (evaluated then, so it can say what
   * was seen) when it has not within {@code timeout}. An exception from the condition fails at once.
   */
  public static void until(Supplier<String> what, Duration timeout, Callable<Boolean> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!holds(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what.get());
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    }
  }

  public static void until(String what, Duration timeout, Callable<Boolean> condition) throws InterruptedException {
    until(() -> what, timeout, condition);
  }

  private static boolean holds(Callable<Boolean> condition) {
    try {
      return Boolean.TRUE.equals(condition.call());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("the awaited condition failed: " + e, e);
    }
  }
}
