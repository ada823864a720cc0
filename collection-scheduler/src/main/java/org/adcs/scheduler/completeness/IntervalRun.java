package org.adcs.scheduler.completeness;

/** A run of consecutive intervals of one day, [first, endExclusive), by index from midnight. */
public record IntervalRun(int first, int endExclusive) {

  public IntervalRun {
    if (first < 0 || endExclusive <= first) {
      throw new IllegalArgumentException("invalid interval run [" + first + ", " + endExclusive + ")");
    }
  }

  public int length() {
    return endExclusive - first;
  }
}
