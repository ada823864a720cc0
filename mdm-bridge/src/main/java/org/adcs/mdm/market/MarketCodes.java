package org.adcs.mdm.market;

import java.util.Set;
import java.util.TreeSet;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.VeeFlag;

/**
 * The codes market files use for an interval's quality and for the reasons behind an estimate or an
 * adjustment (R-VEE-2, R-VEE-3). The codes are part of the file layouts: never change one.
 */
public final class MarketCodes {

  private MarketCodes() {}

  /** CMEP quality letter: A actual (valid), E estimated, N not validated, V needs verification. */
  public static String quality(IntervalStatus status) {
    return switch (status) {
      case VALID -> "A";
      case ESTIMATED -> "E";
      case NOT_VALIDATED -> "N";
      case NEEDS_VERIFY -> "V";
    };
  }

  public static IntervalStatus status(String quality) {
    return switch (quality) {
      case "A" -> IntervalStatus.VALID;
      case "E" -> IntervalStatus.ESTIMATED;
      case "N" -> IntervalStatus.NOT_VALIDATED;
      case "V" -> IntervalStatus.NEEDS_VERIFY;
      default -> throw new IllegalArgumentException("unknown quality code " + quality);
    };
  }

  /** Two-letter reason code of a VEE flag. */
  public static String reason(VeeFlag flag) {
    return switch (flag) {
      case METER_INVALID -> "MI";
      case POWER_OUTAGE -> "PO";
      case GAP -> "GP";
      case SPIKE -> "SP";
      case HIGH_USAGE -> "HU";
      case LOW_USAGE -> "LU";
      case ZERO_USAGE -> "ZU";
      case CONSTANT_USAGE -> "CU";
      case SUM_CHECK_FAILED -> "SC";
      case ESTIMATED_LINEAR -> "EL";
      case ESTIMATED_LIKE_DAY -> "ED";
      case ESTIMATE_REGISTER_BOUNDED -> "ER";
      case REPLACED_ESTIMATE -> "RE";
      case CHANGED -> "CH";
      case ADJUSTED -> "AD";
    };
  }

  /** The reason codes of a flag set, sorted, so a file is the same whatever the set's order. */
  public static Set<String> reasons(Set<VeeFlag> flags) {
    Set<String> codes = new TreeSet<>();
    flags.forEach(f -> codes.add(reason(f)));
    return codes;
  }

  /**
   * An adjusted interval: an actual value replaced an estimate, a re-sent value changed (R-VEE-3), or
   * the day was reposted after the service's dates moved (R-MD-2).
   */
  public static boolean adjusted(Set<VeeFlag> flags) {
    return flags.contains(VeeFlag.CHANGED) || flags.contains(VeeFlag.REPLACED_ESTIMATE)
        || flags.contains(VeeFlag.ADJUSTED);
  }
}
