package org.adcs.scheduler.outage;

import java.util.Optional;

/**
 * Watches the share of the meter population that is failing (R-MIS-6): the meters the completeness
 * scan found missing, less those recovered since. Above the policy's share recovery is PACED; it
 * returns to NORMAL when the share falls to half of it (hysteresis, so the mode does not flap at the
 * threshold). The share is of the whole population, not of the recovery reads, because the meters
 * being recovered are the ones that failed already: their read failures alone say nothing of an
 * outage. Two counters; not thread-safe: one actor owns it.
 */
public final class OutageMonitor {

  public enum Mode {
    NORMAL,
    PACED
  }

  /** A change of mode with the share that caused it; the caller alerts the operator. */
  public record Transition(Mode mode, double failingShare) {}

  private final OutagePolicy policy;
  private long population;
  private long failing;
  private Mode mode = Mode.NORMAL;

  public OutageMonitor(OutagePolicy policy) {
    this.policy = policy;
  }

  /** The completeness scan's finding: {@code missingMeters} of {@code population} lack data. */
  public Optional<Transition> observeMissing(long missingMeters, long population) {
    if (population <= 0 || missingMeters < 0 || missingMeters > population) {
      throw new IllegalArgumentException("missing meters " + missingMeters + " must be within a population of " + population);
    }
    this.population = population;
    this.failing = missingMeters;
    return evaluate();
  }

  /** One failing meter got its data back. */
  public Optional<Transition> meterRecovered() {
    if (failing == 0) {
      throw new IllegalStateException("no failing meter left to recover");
    }
    failing--;
    return evaluate();
  }

  public double failingShare() {
    return population == 0 ? 0 : (double) failing / population;
  }

  public Mode mode() {
    return mode;
  }

  /** Recovery reads allowed in flight now, given the normal figure. */
  public int concurrency(int normalConcurrency) {
    return mode == Mode.PACED ? Math.min(normalConcurrency, policy.pacedConcurrency()) : normalConcurrency;
  }

  private Optional<Transition> evaluate() {
    double share = failingShare();
    if (mode == Mode.NORMAL && share > policy.failingShare()) {
      mode = Mode.PACED;
      return Optional.of(new Transition(Mode.PACED, share));
    }
    if (mode == Mode.PACED && share <= policy.failingShare() / 2) {
      mode = Mode.NORMAL;
      return Optional.of(new Transition(Mode.NORMAL, share));
    }
    return Optional.empty();
  }
}
