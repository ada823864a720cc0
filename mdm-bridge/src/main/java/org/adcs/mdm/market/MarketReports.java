package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The market delivery reports (R-MD-5, R-VEE-4): each party's scheduled files against those actually
 * delivered, and how much of the usage delivered to each party was estimated.
 */
public final class MarketReports {

  private MarketReports() {}

  public enum Punctuality { ON_TIME, LATE, MISSING, NOT_DUE }

  /** One party's file for one day: when it was due and when (whether) it came. */
  public record ScheduledDelivery(String party, LocalDate day, Instant scheduledAt, Instant deliveredAt,
      String fileName, Punctuality punctuality) {}

  /**
   * Every day from {@code from} to {@code to} (inclusive) for the party: on time when delivered within
   * {@code grace} of its cut-off, late when after, missing when not delivered and due, not due when its
   * cut-off is still ahead of {@code now}.
   */
  public static List<ScheduledDelivery> punctuality(String party, LocalDate from, LocalDate to,
      List<DeliveryRecord> actual, DeliverySchedule schedule, Duration grace, Instant now) {
    // A day delivered twice (a run stopped before its cursor moved) counts with its first file.
    Map<LocalDate, DeliveryRecord> byDay = actual.stream().collect(Collectors.toMap(DeliveryRecord::day,
        Function.identity(), (a, b) -> a.deliveredAt().isBefore(b.deliveredAt()) ? a : b));
    List<ScheduledDelivery> rows = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      Instant due = schedule.cutoff(day);
      DeliveryRecord record = byDay.get(day);
      Punctuality state;
      if (record != null) {
        state = record.deliveredAt().isAfter(due.plus(grace)) ? Punctuality.LATE : Punctuality.ON_TIME;
      } else {
        state = due.plus(grace).isAfter(now) ? Punctuality.NOT_DUE : Punctuality.MISSING;
      }
      rows.add(new ScheduledDelivery(party, day, due, record == null ? null : record.deliveredAt(),
          record == null ? null : record.fileName(), state));
    }
    return rows;
  }

  /** A party's delivered usage and its estimated part over a period; {@code percent} to two decimals. */
  public record EstimatedShare(String party, long intervals, long estimatedIntervals, BigDecimal usage,
      BigDecimal estimatedUsage, BigDecimal percent) {}

  public static EstimatedShare estimatedShare(String party, List<DeliveryRecord> deliveries) {
    long intervals = 0;
    long estimated = 0;
    BigDecimal usage = BigDecimal.ZERO;
    BigDecimal estimatedUsage = BigDecimal.ZERO;
    for (DeliveryRecord d : deliveries.stream().sorted(Comparator.comparing(DeliveryRecord::day)).toList()) {
      intervals += d.intervals();
      estimated += d.estimatedIntervals();
      usage = usage.add(d.usage());
      estimatedUsage = estimatedUsage.add(d.estimatedUsage());
    }
    BigDecimal percent = usage.signum() == 0 ? BigDecimal.ZERO.setScale(2)
        : estimatedUsage.multiply(BigDecimal.valueOf(100)).divide(usage, 2, RoundingMode.HALF_UP);
    return new EstimatedShare(party, intervals, estimated, usage, estimatedUsage, percent);
  }
}
