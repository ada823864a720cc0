package org.adcs.headend.api.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Whole days {@code [from, to)} of the requester's time zone (R-COL-6): from midnight of {@code from}
 * to midnight of {@code to} in that zone, so a day is 23 or 25 hours where the zone changes to or
 * from daylight saving time. Stored intervals keep the meter's standard time; the period only picks
 * the meter days to read and the intervals whose end falls inside it.
 */
public record ReadingPeriod(LocalDate from, LocalDate to, ZoneId zone) {

  public ReadingPeriod {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the period is empty: from " + from + " to " + to);
    }
  }

  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  public Instant end() {
    return to.atStartOfDay(zone).toInstant();
  }

  public long days() {
    return java.time.temporal.ChronoUnit.DAYS.between(from, to);
  }

  /** The first meter day (standard time) holding an interval that ends inside the period. */
  public LocalDate firstMeterDay(ZoneOffset meterStandardTime) {
    return LocalDateTime.ofInstant(start(), meterStandardTime).toLocalDate();
  }

  /** The meter day after the last one holding an interval that ends inside the period (exclusive). */
  public LocalDate endMeterDay(ZoneOffset meterStandardTime) {
    // An interval ending at a meter midnight belongs to the day before it.
    return LocalDateTime.ofInstant(end().minusNanos(1), meterStandardTime).toLocalDate().plusDays(1);
  }

  /** Intervals are attributed by their end: those ending after the start, up to and including the end. */
  public boolean holds(Instant intervalEnd) {
    return intervalEnd.isAfter(start()) && !intervalEnd.isAfter(end());
  }
}
