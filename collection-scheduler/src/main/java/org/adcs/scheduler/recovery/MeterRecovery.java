package org.adcs.scheduler.recovery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.scheduler.port.ReadOutcome;

/**
 * The recovery of one meter in progress: its ranges are requested one at a time, each up to
 * {@code maxAttempts} times (R-MIS-1: three). Lives only while the meter is being recovered, so the
 * scheduler holds one of these per meter in flight, never per meter of the population.
 */
public final class MeterRecovery {

  private final RecoveryPlan plan;
  private final int maxAttempts;
  private final int[] attempts;
  private final int[] bestReceived;
  private int current;
  private int readFailures;
  private String lastPath = "";

  public MeterRecovery(RecoveryPlan plan, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    this.plan = plan;
    this.maxAttempts = maxAttempts;
    this.attempts = new int[plan.ranges().size()];
    this.bestReceived = new int[plan.ranges().size()];
  }

  /** Moves past ranges that are recovered or out of attempts. */
  private void skipSettledRanges() {
    while (current < attempts.length
        && (bestReceived[current] == plan.ranges().get(current).intervals() || attempts[current] >= maxAttempts)) {
      current++;
    }
  }

  public String meterId() {
    return plan.meterId();
  }

  /** The range to request next, or empty when every range is recovered or out of attempts. */
  public Optional<MissingRange> next() {
    return current < attempts.length ? Optional.of(plan.ranges().get(current)) : Optional.empty();
  }

  /** The attempt number (1-based) the next request will be. */
  public int nextAttemptNumber() {
    return current < attempts.length ? attempts[current] + 1 : 0;
  }

  /** Records the outcome of the request for the range {@link #next} named. Returns true when the read failed. */
  public boolean record(ReadOutcome outcome) {
    if (current >= attempts.length) {
      throw new IllegalStateException("no range of meter " + meterId() + " is being requested");
    }
    attempts[current]++;
    boolean failed = apply(outcome);
    skipSettledRanges();
    return failed;
  }

  private boolean apply(ReadOutcome outcome) {
    // Java 17 has no pattern switch; the sealed ReadOutcome keeps this chain exhaustive in practice.
    if (outcome instanceof ReadOutcome.Collected c) {
      int range = plan.ranges().get(current).intervals();
      bestReceived[current] = Math.max(bestReceived[current], Math.min(c.intervalsReceived(), range));
      lastPath = c.path();
      return false;
    }
    if (outcome instanceof ReadOutcome.Failed) {
      readFailures++;
    }
    // A Rejected request never reached the meter, so it is no meter failure; it still uses the
    // attempt so that a saturated system cannot keep a meter in recovery forever.
    return true;
  }

  public MeterRecoveryResult result() {
    if (plan.nothingMissing()) {
      return new MeterRecoveryResult(meterId(), List.of(), List.of(), 0, 0, 0, RecoveryOutcome.ON_SCHEDULE, "");
    }
    int recovered = 0;
    for (int received : bestReceived) {
      recovered += received;
    }
    List<LocalDate> daysRecovered = new ArrayList<>();
    for (LocalDate day : plan.incompleteDays()) {
      boolean all = true;
      for (int i = 0; i < attempts.length && all; i++) {
        MissingRange range = plan.ranges().get(i);
        boolean touches = !day.isBefore(range.days().first()) && !day.isAfter(range.days().last());
        all = !touches || bestReceived[i] == range.intervals();
      }
      if (all) {
        daysRecovered.add(day);
      }
    }
    int missing = plan.intervalsMissing();
    RecoveryOutcome outcome = recovered == missing ? RecoveryOutcome.RECOVERED
        : recovered > 0 ? RecoveryOutcome.PARTIALLY_RECOVERED : RecoveryOutcome.FAILED;
    return new MeterRecoveryResult(meterId(), plan.incompleteDays(), daysRecovered, missing, recovered, readFailures, outcome, lastPath);
  }
}
