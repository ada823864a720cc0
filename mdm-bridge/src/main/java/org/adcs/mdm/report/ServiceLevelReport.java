package org.adcs.mdm.report;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * R-OPS-5 service levels over a period: per day, the intervals scheduled for delivery against those
 * delivered on schedule (read by the end of the day after, the first R-VEE-4 deadline), delivered
 * later, never delivered, and estimated; and the head-end's availability.
 */
public record ServiceLevelReport(LocalDate from, LocalDate to, List<Day> days, Day total, Availability availability) {

  public ServiceLevelReport {
    days = List.copyOf(days);
  }

  public record Day(LocalDate day, long scheduled, long onSchedule, long late, long missing, long estimated) {

    public OptionalDouble onScheduleShare() {
      return Share.of(onSchedule, scheduled);
    }

    public OptionalDouble estimatedShare() {
      return Share.of(estimated, scheduled);
    }

    static Day of(LocalDate day, DayFigures f) {
      long onSchedule = Math.min(f.readBy(0), f.actual());
      return new Day(day, f.expected(), onSchedule, f.actual() - onSchedule, f.expected() - f.actual(), f.estimated());
    }
  }

  public static ServiceLevelReport of(LocalDate from, LocalDate to, DeliveryTally tally, Availability availability) {
    List<Day> days = tally.days().values().stream().map(f -> Day.of(f.day(), f)).toList();
    return new ServiceLevelReport(from, to, days, Day.of(null, tally.total()), availability);
  }
}
