package org.adcs.mdm.vee;

import java.util.Set;

/**
 * Thresholds of the validation and estimation rules (R-VEE-1, R-VEE-2). Factors compare against
 * the meter's own history, so one setting fits small and large customers alike.
 *
 * @param spikeFactor          an interval above this many times the day's median interval is a spike
 * @param spikeFloor           ... and above this absolute value (in stored units), so tiny loads never spike
 * @param highFactor           a day above this many times the like-day average is high usage
 * @param lowFactor            a day below this fraction of the like-day average is low usage
 * @param historyFloor         high/low/zero checks only apply when the like-day average is above this
 * @param constantRunIntervals this many equal non-zero intervals in a row is a stuck register
 * @param sumTolerance         allowed |register difference - interval sum|, in stored units
 * @param linearGapMinutes     gaps up to this length are interpolated linearly, longer ones from like days
 * @param likeDayWeeks         how many previous same weekdays to average for like-day estimates and high/low
 * @param zeroCheckChannels    channels where a whole day of zeros is suspicious (not export, say)
 */
public record VeeSettings(
    double spikeFactor,
    long spikeFloor,
    double highFactor,
    double lowFactor,
    long historyFloor,
    int constantRunIntervals,
    long sumTolerance,
    int linearGapMinutes,
    int likeDayWeeks,
    Set<String> zeroCheckChannels) {

  public VeeSettings {
    require(spikeFactor > 1, "spike factor must be above 1");
    require(spikeFloor >= 0, "spike floor must not be negative");
    require(highFactor > 1, "high factor must be above 1");
    require(lowFactor > 0 && lowFactor < 1, "low factor must be between 0 and 1");
    require(historyFloor >= 0, "history floor must not be negative");
    require(constantRunIntervals >= 2, "constant-usage run must be at least 2 intervals");
    require(sumTolerance >= 0, "sum tolerance must not be negative");
    require(linearGapMinutes >= 0, "linear gap limit must not be negative");
    require(likeDayWeeks >= 1 && likeDayWeeks <= 6, "like-day weeks must be 1-6 (meters keep 45 days)");
    zeroCheckChannels = Set.copyOf(zeroCheckChannels);
  }

  /** Defaults for residential 15-minute energy data in Wh. */
  public static VeeSettings defaults() {
    return new VeeSettings(8.0, 2_000, 3.0, 0.2, 1_000, 16, 2, 120, 4, Set.of("active-import"));
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
