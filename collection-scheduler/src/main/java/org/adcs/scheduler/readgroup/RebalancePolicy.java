package org.adcs.scheduler.readgroup;

/**
 * When a read group counts as over- or under-committed, and how much to move (R-SCH-4).
 *
 * @param share share of an over-committed group's meters to move (default 10 %)
 * @param overCommittedAbove a group whose share of late or missed collections is above this is over-committed
 * @param underCommittedAtMost a group whose share of late or missed collections is at most this is under-committed
 * @param minObservations groups with fewer observations in the period get no verdict: too little to call "consistent"
 */
public record RebalancePolicy(double share, double overCommittedAbove, double underCommittedAtMost, long minObservations) {

  public static final RebalancePolicy DEFAULT = new RebalancePolicy(0.10, 0.05, 0.01, 1);

  public RebalancePolicy {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("rebalancing share must be in (0, 1], was " + share);
    }
    if (!(overCommittedAbove >= 0 && overCommittedAbove < 1)) {
      throw new IllegalArgumentException("over-committed threshold must be in [0, 1), was " + overCommittedAbove);
    }
    if (!(underCommittedAtMost >= 0 && underCommittedAtMost < overCommittedAbove)) {
      throw new IllegalArgumentException("under-committed threshold must be in [0, over-committed threshold "
          + overCommittedAbove + "), was " + underCommittedAtMost);
    }
    if (minObservations < 1) {
      throw new IllegalArgumentException("minimum observations must be at least 1, was " + minObservations);
    }
  }
}
