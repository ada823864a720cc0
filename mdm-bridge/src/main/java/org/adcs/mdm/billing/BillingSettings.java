package org.adcs.mdm.billing;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How billing quantities are computed.
 *
 * @param standardTime          the zone of reading days and register read times (the meters' standard time)
 * @param sumCheckRelative      the sum check fails when intervals and register difference differ by more
 *                              than this share of the register difference...
 * @param sumCheckAbsolute      ...and by more than this many units
 */
public record BillingSettings(ZoneOffset standardTime, BillingCalendar calendar, BigDecimal sumCheckRelative,
    BigDecimal sumCheckAbsolute) {

  public BillingSettings {
    Objects.requireNonNull(standardTime, "standardTime");
    Objects.requireNonNull(calendar, "calendar");
    if (sumCheckRelative.signum() < 0 || sumCheckAbsolute.signum() < 0) {
      throw new IllegalArgumentException("sum check thresholds must not be negative");
    }
  }

  /** The threshold a difference must exceed for a register difference of {@code registerDifference}. */
  BigDecimal sumCheckThreshold(BigDecimal registerDifference) {
    return sumCheckRelative.multiply(registerDifference.abs()).max(sumCheckAbsolute);
  }
}
