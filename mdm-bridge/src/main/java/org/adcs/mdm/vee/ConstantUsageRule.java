package org.adcs.mdm.vee;

/**
 * Contiguous-usage check (R-VEE-1): the same non-zero value for many intervals in a row means a
 * stuck register or a meter repeating its last value, not real consumption.
 */
final class ConstantUsageRule {

  private ConstantUsageRule() {}

  static void apply(DayWork day, VeeSettings settings) {
    int runStart = -1;
    for (int i = 0; i <= day.count(); i++) {
      boolean continues = i < day.count() && runStart >= 0 && day.present.get(i) && day.values[i] != 0
          && day.values[i] == day.values[runStart];
      if (continues) {
        continue;
      }
      if (runStart >= 0 && i - runStart >= settings.constantRunIntervals()) {
        for (int j = runStart; j < i; j++) {
          day.flag(j, VeeFlag.CONSTANT_USAGE);
        }
      }
      runStart = i < day.count() && day.present.get(i) && day.values[i] != 0 ? i : -1;
    }
  }
}
