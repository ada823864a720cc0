package org.adcs.scheduler.outage;

import java.util.Optional;

/**
 * Watches the share of the meter population that is failing (R-MIS-6): the meters the completeness
 * scan found missing the previous day, less those recovered since, of the meters scanned so far. The scan streams, so
 * the share is judged as it goes, from {@code minScanned} meters on, and an outage is seen before the
 * whole population is read. Above the policy's share recovery is PACED; it
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
  private final long minScanned;
  private long scanned;
  private long missing;
  private long recovered;
  private Mode mode = Mode.NORMAL;

  /** @param minScanned fewer meters scanned than this decide nothing (a first page of bad meters is no outage) */
  public OutageMonitor(OutagePolicy policy, long minScanned) {
    if (minScanned < 1) {
      throw new IllegalArgumentException("outage judgement needs at least one scanned meter, was " + minScanned);
    }
    this.policy = policy;
    this.minScanned = minScanned;
  }

  /** The completeness scan so far: {@code missingMeters} of {@code scannedMeters} lack data. */
  public Optional<Transition> observeScan(long scannedMeters, long missingMeters) {
    if (scannedMeters < scanned || missingMeters < missing || missingMeters > scannedMeters) {
      throw new IllegalArgumentException("scan counts must grow and missing (" + missingMeters
          + ") stay within scanned (" + scannedMeters + ")");
    }
    this.scanned = scannedMeters;
    this.missing = missingMeters;
    return evaluate();
  }

  /** One failing meter got its data back. */
  public Optional<Transition> meterRecovered() {
    if (recovered >= missing) {
      throw new IllegalStateException("no failing meter left to recover");
    }
    recovered++;
    return evaluate();
  }

  public double failingShare() {
    return scanned == 0 ? 0 : (double) (missing - recovered) / scanned;
  }

  public double threshold() {
    return policy.failingShare();
  }

  public Mode mode() {
    return mode;
  }

  /** Recovery reads allowed in flight now, given the normal figure. */
  public int concurrency(int normalConcurrency) {
    return mode == Mode.PACED ? Math.min(normalConcurrency, policy.pacedConcurrency()) : normalConcurrency;
  }

  private Optional<Transition> evaluate() {
    if (scanned < minScanned) {
      return Optional.empty();
    }
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
