package org.adcs.mdm.vee;

import java.math.BigInteger;
import java.util.Optional;
import org.adcs.mdm.reading.RegisterRead;

/**
 * Sum check (R-VEE-1): the day's intervals must add up to the difference of the midnight register
 * reads that bound it. Where the day has estimates, they are first scaled so the day matches the
 * registers (register-bounded estimation): the registers are actual data, the estimates are not.
 */
final class SumCheck {

  private SumCheck() {}

  static void apply(DayWork day, Optional<RegisterRead> start, Optional<RegisterRead> end, VeeSettings settings) {
    if (start.isEmpty() || end.isEmpty()) {
      return;
    }
    int scale = day.raw.scale();
    Optional<Long> startValue = atScale(start.get(), scale);
    Optional<Long> endValue = atScale(end.get(), scale);
    if (startValue.isEmpty() || endValue.isEmpty()) {
      return; // registers coarser than intervals cannot bound them
    }
    long expected = endValue.get() - startValue.get();
    boolean complete = true;
    for (int i = 0; i < day.count(); i++) {
      if (!day.present.get(i) && !day.estimated.get(i)) {
        complete = false;
      }
    }
    if (!complete) {
      return; // an unplugged gap: the day cannot add up yet
    }
    if (!day.estimated.isEmpty()) {
      boundEstimates(day, expected - day.presentTotal());
    }
    long total = 0;
    for (long v : day.values) {
      total += v;
    }
    if (Math.abs(expected - total) > settings.sumTolerance()) {
      for (int i = 0; i < day.count(); i++) {
        day.flag(i, VeeFlag.SUM_CHECK_FAILED);
      }
    }
  }

  /** Distributes {@code residual} over the estimated intervals in proportion to their estimates. */
  private static void boundEstimates(DayWork day, long residual) {
    if (residual < 0) {
      return; // the actual intervals already exceed the register difference: leave it to the check
    }
    long estimatedTotal = 0;
    int estimatedCount = day.estimated.cardinality();
    for (int i = day.estimated.nextSetBit(0); i >= 0; i = day.estimated.nextSetBit(i + 1)) {
      estimatedTotal += day.values[i];
    }
    long assigned = 0;
    int last = -1;
    for (int i = day.estimated.nextSetBit(0); i >= 0; i = day.estimated.nextSetBit(i + 1)) {
      long share = estimatedTotal > 0
          ? (long) Math.floor((double) residual * day.values[i] / estimatedTotal)
          : residual / estimatedCount;
      day.values[i] = share;
      assigned += share;
      day.flag(i, VeeFlag.ESTIMATE_REGISTER_BOUNDED);
      last = i;
    }
    // Rounding remainder to the last estimate, so the day adds up exactly.
    day.values[last] += residual - assigned;
  }

  private static Optional<Long> atScale(RegisterRead read, int scale) {
    int shift = read.scale() - scale;
    if (shift < 0) {
      return Optional.empty();
    }
    BigInteger value = BigInteger.valueOf(read.value()).multiply(BigInteger.TEN.pow(shift));
    return value.bitLength() < 63 ? Optional.of(value.longValue()) : Optional.empty();
  }
}
