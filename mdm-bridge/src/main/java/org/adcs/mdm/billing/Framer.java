package org.adcs.mdm.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Frames the billable intervals of one stretch (R-MD-4); the intervals cover the stretch without gaps. */
final class Framer {

  private final BillingCalendar calendar;

  Framer(BillingCalendar calendar) {
    this.calendar = calendar;
  }

  /** Thrown when a framing cannot be applied to the data, e.g. 60-minute intervals for 15-minute demand. */
  static final class NotApplicable extends Exception {
    NotApplicable(String message) {
      super(message);
    }
  }

  List<Quantity> frame(Framing framing, BqPart.Stretch s, List<Interval> intervals, String unit) throws NotApplicable {
    if (framing instanceof Framing.Demand d) {
      return demand(d, intervals, unit);
    }
    if (framing instanceof Framing.Hourly) {
      return hourly(intervals, unit);
    }
    if (framing instanceof Framing.TimeOfUse || framing instanceof Framing.CriticalPeak) {
      return dailyBins(s, intervals, unit, framing instanceof Framing.CriticalPeak);
    }
    return List.of(new Quantity("total", s.from(), s.to(), sum(intervals), unit));
  }

  /** Per local day, the sum of each bin; the bins of a day in the order they first occur. */
  private List<Quantity> dailyBins(BqPart.Stretch s, List<Interval> intervals, String unit, boolean criticalPeak) {
    Map<LocalDate, Map<String, BigDecimal>> days = new LinkedHashMap<>();
    for (Interval i : intervals) {
      ZonedDateTime local = i.start().atZone(calendar.zone());
      String bin = calendar.bin(local.toLocalDate(), local.getHour(), criticalPeak);
      days.computeIfAbsent(local.toLocalDate(), d -> new LinkedHashMap<>()).merge(bin, i.value(), BigDecimal::add);
    }
    List<Quantity> result = new ArrayList<>();
    days.forEach((day, bins) -> {
      Instant from = max(day.atStartOfDay(calendar.zone()).toInstant(), s.from());
      Instant to = min(day.plusDays(1).atStartOfDay(calendar.zone()).toInstant(), s.to());
      bins.forEach((bin, value) -> result.add(new Quantity(bin, from, to, value, unit)));
    });
    return result;
  }

  /** One value per local hour, named H01.. by its place in the local day: 23 or 25 of them on DST days. */
  private List<Quantity> hourly(List<Interval> intervals, String unit) throws NotApplicable {
    Map<ZonedDateTime, BigDecimal> hours = new LinkedHashMap<>();
    for (Interval i : intervals) {
      if (i.minutes() > 60 || 60 % i.minutes() != 0) {
        throw new NotApplicable(i.minutes() + "-minute intervals do not make hours");
      }
      hours.merge(i.start().atZone(calendar.zone()).truncatedTo(ChronoUnit.HOURS), i.value(), BigDecimal::add);
    }
    List<Quantity> result = new ArrayList<>();
    hours.forEach((hour, value) -> {
      Instant start = hour.toInstant();
      long place = Duration.between(hour.toLocalDate().atStartOfDay(calendar.zone()).toInstant(), start).toHours() + 1;
      result.add(new Quantity(String.format("H%02d", place), start, start.plus(Duration.ofHours(1)), value, unit));
    });
    return result;
  }

  /**
   * The highest average demand over any window of the framing's length and when it occurred, and the
   * total energy. Block windows follow the local clock (:00, :15, ...); rolling windows start at every interval.
   * Ties go to the earliest window.
   */
  private List<Quantity> demand(Framing.Demand d, List<Interval> intervals, String unit) throws NotApplicable {
    int window = d.minutes();
    int k = 0;
    for (Interval i : intervals) {
      if (i.minutes() > window || window % i.minutes() != 0) {
        throw new NotApplicable(i.minutes() + "-minute intervals do not make " + window + "-minute demand windows");
      }
      k = window / i.minutes();
    }
    Quantity best = null;
    for (int first = 0; first + k <= intervals.size(); first += 1) {
      Interval start = intervals.get(first);
      ZonedDateTime local = start.start().atZone(calendar.zone());
      boolean onClock = (local.getHour() * 60 + local.getMinute()) % window == 0;
      if (!d.rolling() && !onClock) {
        continue;
      }
      BigDecimal energy = BigDecimal.ZERO;
      Instant end = start.start().plusSeconds(window * 60L);
      int n = 0;
      for (int j = first; j < intervals.size() && intervals.get(j).end().compareTo(end) <= 0; j++) {
        energy = energy.add(intervals.get(j).value());
        n++;
      }
      if (n != k || !intervals.get(first + k - 1).end().equals(end)) {
        continue;
      }
      BigDecimal demand = energy.multiply(BigDecimal.valueOf(60 / window));
      if (best == null || demand.compareTo(best.value()) > 0) {
        best = new Quantity("max-demand", start.start(), end, demand, demandUnit(unit));
      }
    }
    if (best == null) {
      throw new NotApplicable("the part is shorter than one " + window + "-minute demand window");
    }
    Instant from = intervals.get(0).start();
    Instant to = intervals.get(intervals.size() - 1).end();
    return List.of(best, new Quantity("total", from, to, sum(intervals), unit));
  }

  /** kWh makes kW: energy per hour. */
  static String demandUnit(String unit) {
    return unit.endsWith("h") ? unit.substring(0, unit.length() - 1) : unit + "/h";
  }

  static BigDecimal sum(List<Interval> intervals) {
    return intervals.stream().map(Interval::value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
