package org.adcs.mdm.report;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * R-VEE-4 data quality over a period: the share of estimated intervals against the 1 % target and the
 * share of meters with any estimate against the 10 % target (the store knows meters, not accounts; a
 * meter stands for its account). Counts only the channel-days the store holds.
 */
public record DataQualityReport(LocalDate from, LocalDate to, List<Day> days, Day total, long meters, long metersWithEstimate) {

  public static final double ESTIMATED_TARGET = 0.01;
  public static final double METERS_WITH_ESTIMATE_TARGET = 0.10;

  public DataQualityReport {
    days = List.copyOf(days);
  }

  public record Day(LocalDate day, long expected, long actual, long estimated) {

    public OptionalDouble estimatedShare() {
      return Share.of(estimated, expected);
    }

    static Day of(LocalDate day, DayFigures f) {
      return new Day(day, f.expected(), f.actual(), f.estimated());
    }
  }

  public static DataQualityReport of(LocalDate from, LocalDate to, DeliveryTally tally) {
    List<Day> days = tally.days().values().stream().map(f -> Day.of(f.day(), f)).toList();
    return new DataQualityReport(from, to, days, Day.of(null, tally.total()), tally.meters(), tally.metersWithEstimate());
  }

  public OptionalDouble metersWithEstimateShare() {
    return Share.of(metersWithEstimate, meters);
  }

  /** Met when either share is within its target (R-VEE-4 "or"); empty without data. */
  public java.util.Optional<Boolean> targetMet() {
    OptionalDouble intervals = total.estimatedShare();
    OptionalDouble meterShare = metersWithEstimateShare();
    if (intervals.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(intervals.getAsDouble() <= ESTIMATED_TARGET
        || meterShare.isPresent() && meterShare.getAsDouble() <= METERS_WITH_ESTIMATE_TARGET);
  }
}
