package org.adcs.mdm.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When the daily market files are due (R-MD-5): once a day at {@code at} in the meters' standard time.
 * The file for day D holds what was posted after the previous file's cut-off up to D's cut-off, and is
 * named by that cut-off, {@code ccyymmddhhmm.dat}. Days missed (the system was down) are delivered on
 * the next run, oldest first, at most {@code maxCatchUp} per run so a run stays bounded.
 */
public record DeliverySchedule(LocalTime at, ZoneOffset standardTime, int maxCatchUp) {

  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

  public DeliverySchedule {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(standardTime, "standardTime");
    if (maxCatchUp < 1) {
      throw new IllegalArgumentException("at least one day must be delivered per run, found " + maxCatchUp);
    }
  }

  /** The moment day {@code day}'s file is due; data posted up to then goes in it. */
  public Instant cutoff(LocalDate day) {
    return day.atTime(at).toInstant(standardTime);
  }

  public String fileName(LocalDate day) {
    return NAME.format(day.atTime(at)) + ".dat";
  }

  /** The latest day whose cut-off has passed at {@code now}. */
  public LocalDate lastDueDay(Instant now) {
    LocalDate today = now.atOffset(standardTime).toLocalDate();
    return cutoff(today).isAfter(now) ? today.minusDays(1) : today;
  }

  /**
   * The days to deliver now, oldest first: those after the cursor's day whose cut-off has passed; a
   * party without a cursor starts with the latest due day.
   */
  public List<LocalDate> due(Optional<DeliveryCursor> cursor, Instant now) {
    LocalDate last = lastDueDay(now);
    LocalDate first = cursor.map(c -> c.lastDay().plusDays(1)).orElse(last);
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last) && days.size() < maxCatchUp; d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  /** What day {@code day}'s file holds: data posted after {@code from} (exclusive) up to {@code to} (inclusive). */
  public record Window(LocalDate day, Instant from, Instant to) {}

  public Window window(Optional<DeliveryCursor> cursor, LocalDate day) {
    Instant from = cursor.map(DeliveryCursor::postedUpTo).orElse(cutoff(day.minusDays(1)));
    return new Window(day, from, cutoff(day));
  }
}
