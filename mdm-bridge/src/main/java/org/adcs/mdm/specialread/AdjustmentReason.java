package org.adcs.mdm.specialread;

import java.util.Arrays;
import java.util.Optional;

/** Adjustment reason codes carried by changed data (R-VEE-3), with their wire names. */
public enum AdjustmentReason {
  CROSSED_METERS("crossed-meters"),
  CUT_IN_FLAT("cut-in-flat"),
  FAST("fast"),
  SLOW("slow"),
  DROPPED_PHASE("dropped-phase"),
  FIXED_USAGE("fixed-usage"),
  UNMETERED("unmetered"),
  /** The read used was over or under the true value at the time: so is an opening read moved with its date. */
  OVER_UNDER_READ("over-under-read"),
  INCORRECT_MULTIPLIER("incorrect-multiplier");

  private final String wireName;

  AdjustmentReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<AdjustmentReason> fromWire(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
