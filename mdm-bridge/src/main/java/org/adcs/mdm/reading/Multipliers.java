package org.adcs.mdm.reading;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Pulse counts to engineering values (R-COL-2, R-VEE-1 "meter and pulse multipliers applied"):
 * {@code pulses x pulse multiplier x meter multiplier}, exact, at a chosen decimal scale. A product
 * that the scale cannot hold exactly is refused rather than rounded: billing data must not drift.
 */
public final class Multipliers {

  private Multipliers() {}

  /**
   * @param scale the decimal exponent of the result, e.g. 0 for whole Wh, -3 for mWh
   * @throws IllegalArgumentException when a result is not exact at {@code scale} or overflows
   */
  public static long[] apply(long[] pulses, BigDecimal pulseMultiplier, BigDecimal meterMultiplier, int scale) {
    if (pulseMultiplier.signum() <= 0 || meterMultiplier.signum() <= 0) {
      throw new IllegalArgumentException("multipliers must be positive, found " + pulseMultiplier + " and " + meterMultiplier);
    }
    BigDecimal factor = pulseMultiplier.multiply(meterMultiplier).scaleByPowerOfTen(-scale);
    long[] result = new long[pulses.length];
    for (int i = 0; i < pulses.length; i++) {
      BigDecimal value = factor.multiply(BigDecimal.valueOf(pulses[i]));
      BigInteger exact;
      try {
        exact = value.toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("interval " + i + ": " + pulses[i] + " pulses x " + pulseMultiplier + " x "
            + meterMultiplier + " is not exact at scale " + scale + "; use a finer scale");
      }
      if (exact.bitLength() >= 63) {
        throw new IllegalArgumentException("interval " + i + ": value overflows");
      }
      result[i] = exact.longValue();
    }
    return result;
  }
}
