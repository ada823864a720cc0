package org.adcs.scheduler.readgroup;

/** The review's finding for one read group (R-SCH-4). */
public record GroupVerdict(int group, int meters, long onTime, long late, long missed, double missRate, Commitment commitment) {

  public enum Commitment {
    /** Consistently late or failing: meters move out. */
    OVER_COMMITTED,
    /** Consistently on time: meters may move in. */
    UNDER_COMMITTED,
    /** Neither, or too few observations. */
    BALANCED
  }
}
