package org.adcs.mdm.vee;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why an interval has its status. Stored as a bit mask per interval, so the order of the
 * constants is part of the stored format: only ever append.
 */
public enum VeeFlag {
  /** The meter marked the interval as not valid (or its clock as invalid). */
  METER_INVALID,
  /** The meter reported a power outage in the interval. */
  POWER_OUTAGE,
  /** The interval was missing from the meter's data (R-VEE-1 gap check). */
  GAP,
  /** Far above the day's typical interval (R-VEE-1 spike check). */
  SPIKE,
  /** The day's usage is far above the meter's history (R-VEE-1 high check). */
  HIGH_USAGE,
  /** The day's usage is far below the meter's history (R-VEE-1 low check). */
  LOW_USAGE,
  /** No usage all day where the meter's history has usage (R-VEE-1 zero-usage check). */
  ZERO_USAGE,
  /** The same non-zero value for too many intervals in a row: a stuck register (contiguous-usage check). */
  CONSTANT_USAGE,
  /** Intervals do not add up to the register difference (R-VEE-1 sum check). */
  SUM_CHECK_FAILED,
  /** Estimated by linear interpolation (gap up to the linear limit, 2 h by default). */
  ESTIMATED_LINEAR,
  /** Estimated from like days in the meter's history (longer gaps). */
  ESTIMATED_LIKE_DAY,
  /** Estimates scaled so the day matches the register difference. */
  ESTIMATE_REGISTER_BOUNDED,
  /** An actual value replaced an earlier estimate. */
  REPLACED_ESTIMATE,
  /** A re-sent or corrected actual value differs from the earlier one (R-VEE-3). */
  CHANGED,
  /** Reposted after the service point's start or stop date changed (R-MD-2). */
  ADJUSTED;

  public int bit() {
    return 1 << ordinal();
  }

  public boolean in(int mask) {
    return (mask & bit()) != 0;
  }

  public static Set<VeeFlag> of(int mask) {
    EnumSet<VeeFlag> flags = EnumSet.noneOf(VeeFlag.class);
    for (VeeFlag flag : values()) {
      if (flag.in(mask)) {
        flags.add(flag);
      }
    }
    return flags;
  }
}
