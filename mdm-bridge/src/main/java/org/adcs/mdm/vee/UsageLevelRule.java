package org.adcs.mdm.vee;

import java.util.List;

/**
 * High, low and zero-usage checks (R-VEE-1) against the meter's own like days (the same weekday in
 * previous weeks). A day with a reported power outage is allowed to be low or zero.
 */
final class UsageLevelRule {

  private UsageLevelRule() {}

  static void apply(DayWork day, List<ValidatedDay> likeDays, VeeSettings settings) {
    int present = day.present.cardinality();
    if (present == 0 || likeDays.isEmpty()) {
      return;
    }
    double typical = likeDays.stream().mapToLong(ValidatedDay::billableTotal).average().orElse(0);
    if (typical <= settings.historyFloor()) {
      return;
    }
    // Scale a partial day up to a whole one, so a day with gaps is not "low" for its gaps alone.
    double projected = (double) day.presentTotal() * day.count() / present;
    boolean outage = day.anyPresentHas(VeeFlag.POWER_OUTAGE);
    boolean allZero = day.presentTotal() == 0;

    if (allZero && !outage && settings.zeroCheckChannels().contains(day.raw.channel().name())) {
      day.flagAllPresent(VeeFlag.ZERO_USAGE);
    } else if (projected > settings.highFactor() * typical) {
      day.flagAllPresent(VeeFlag.HIGH_USAGE);
    } else if (!allZero && !outage && projected < settings.lowFactor() * typical) {
      day.flagAllPresent(VeeFlag.LOW_USAGE);
    }
  }
}
