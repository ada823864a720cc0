package org.adcs.mdm.vee;

import java.util.List;
import java.util.Optional;

/**
 * Plugs gaps (R-VEE-2): runs of missing intervals up to the linear limit (2 h by default) by linear
 * interpolation between the actual values on either side; longer runs, or runs without a
 * neighbour, from the average of the same intervals on like days. What cannot be estimated stays a
 * gap (NVE).
 */
final class GapEstimator {

  private GapEstimator() {}

  static void apply(DayWork day, Optional<ValidatedDay> previousDay, List<ValidatedDay> likeDays, VeeSettings settings) {
    int n = day.count();
    int i = 0;
    while (i < n) {
      if (day.present.get(i)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && !day.present.get(i)) {
        i++;
      }
      int end = i - 1; // inclusive
      for (int g = start; g <= end; g++) {
        day.flag(g, VeeFlag.GAP);
      }
      estimateRun(day, start, end, previousDay, likeDays, settings);
    }
  }

  private static void estimateRun(DayWork day, int start, int end, Optional<ValidatedDay> previousDay,
      List<ValidatedDay> likeDays, VeeSettings settings) {
    int length = end - start + 1;
    Long left = neighbour(day, start - 1, previousDay);
    Long right = end + 1 < day.count() && usable(day, end + 1) ? day.values[end + 1] : null;
    if (length * day.raw.intervalMinutes() <= settings.linearGapMinutes() && left != null && right != null) {
      for (int k = 1; k <= length; k++) {
        double v = left + (right - left) * (double) k / (length + 1);
        set(day, start + k - 1, Math.max(0, Math.round(v)), VeeFlag.ESTIMATED_LINEAR);
      }
      return;
    }
    List<ValidatedDay> usableLikeDays = likeDays.stream()
        .filter(d -> d.intervalMinutes() == day.raw.intervalMinutes() && d.scale() == day.raw.scale())
        .toList();
    if (usableLikeDays.isEmpty()) {
      return;
    }
    for (int g = start; g <= end; g++) {
      long sum = 0;
      int count = 0;
      for (ValidatedDay like : usableLikeDays) {
        if (like.status(g) == IntervalStatus.VALID || like.status(g) == IntervalStatus.NOT_VALIDATED
            || like.status(g) == IntervalStatus.ESTIMATED) {
          sum += like.value(g);
          count++;
        }
      }
      if (count > 0) {
        set(day, g, Math.round((double) sum / count), VeeFlag.ESTIMATED_LIKE_DAY);
      }
    }
  }

  private static Long neighbour(DayWork day, int index, Optional<ValidatedDay> previousDay) {
    if (index >= 0) {
      return usable(day, index) ? day.values[index] : null;
    }
    return previousDay
        .filter(p -> p.intervalMinutes() == day.raw.intervalMinutes() && p.scale() == day.raw.scale())
        .filter(p -> p.status(p.intervalCount() - 1).billable())
        .map(p -> p.value(p.intervalCount() - 1))
        .orElse(null);
  }

  /** Only a trustworthy actual value anchors an interpolation. */
  private static boolean usable(DayWork day, int index) {
    return day.present.get(index) && !day.has(index, VeeFlag.METER_INVALID) && !day.has(index, VeeFlag.SPIKE);
  }

  private static void set(DayWork day, int interval, long value, VeeFlag how) {
    day.values[interval] = value;
    day.estimated.set(interval);
    day.flag(interval, how);
  }
}
