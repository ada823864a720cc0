package org.adcs.mdm.vee;

import java.util.Arrays;

/**
 * Spike check (R-VEE-1): an interval far above the day's median non-zero interval. The median,
 * unlike the mean, is not dragged up by the spike itself.
 */
final class SpikeRule {

  private SpikeRule() {}

  static void apply(DayWork day, VeeSettings settings) {
    long[] nonZero = new long[day.count()];
    int n = 0;
    for (int i = day.present.nextSetBit(0); i >= 0; i = day.present.nextSetBit(i + 1)) {
      if (day.values[i] > 0) {
        nonZero[n++] = day.values[i];
      }
    }
    if (n < 4) {
      return; // too little usage to judge what is typical
    }
    long[] sorted = Arrays.copyOf(nonZero, n);
    Arrays.sort(sorted);
    long median = sorted[n / 2];
    double threshold = Math.max(settings.spikeFloor(), median * settings.spikeFactor());
    for (int i = day.present.nextSetBit(0); i >= 0; i = day.present.nextSetBit(i + 1)) {
      if (day.values[i] > threshold) {
        day.flag(i, VeeFlag.SPIKE);
      }
    }
  }
}
