package org.adcs.mdm.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeFlag;

/**
 * Readings by meter, channel and period, raw or validated (R-DAT-1), converted from the meter's
 * standard time to the requester's zone (R-COL-6). The head-end's HTTP routes call this.
 */
public final class ReadingQueries {

  /** Longest period one query may cover: a billing period with room, not a table scan. */
  public static final int MAX_DAYS = 62;

  public enum Kind { RAW, VALIDATED }

  private final IntervalStore intervals;

  public ReadingQueries(IntervalStore intervals) {
    this.intervals = intervals;
  }

  /**
   * @param from            first meter-local day, inclusive
   * @param to              last meter-local day, exclusive
   * @param meterStandardOffset the meter's standard-time offset from UTC (it never observes DST)
   * @param requesterZone   the zone the caller wants timestamps in
   */
  public CompletionStage<List<IntervalReading>> readings(MeterId meter, Channel channel, LocalDate from, LocalDate to,
      Kind kind, ZoneOffset meterStandardOffset, ZoneId requesterZone) {
    if (!from.isBefore(to)) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("the period is empty: from " + from + " to " + to));
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "at most " + MAX_DAYS + " days per query; ask for a shorter period or use an extract"));
    }
    List<CompletableFuture<List<IntervalReading>>> days = new ArrayList<>();
    for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
      LocalDate d = day;
      days.add(switch (kind) {
        case RAW -> intervals.rawAsOf(meter, channel, d, Long.MAX_VALUE).toCompletableFuture()
            .thenApply(raw -> raw.map(r -> rawReadings(r, meterStandardOffset, requesterZone)).orElse(List.of()));
        case VALIDATED -> intervals.validatedAsOf(meter, channel, d, Long.MAX_VALUE).toCompletableFuture()
            .thenApply(v -> v.map(val -> validatedReadings(val, meterStandardOffset, requesterZone)).orElse(List.of()));
      });
    }
    return CompletableFuture.allOf(days.toArray(CompletableFuture[]::new))
        .thenApply(done -> days.stream().flatMap(f -> f.join().stream()).toList());
  }

  static List<IntervalReading> rawReadings(IntervalDay day, ZoneOffset offset, ZoneId zone) {
    List<IntervalReading> result = new ArrayList<>();
    for (int i = 0; i < day.intervalCount(); i++) {
      if (day.isPresent(i)) {
        result.add(new IntervalReading(day.intervalEnd(i).atOffset(offset).atZoneSameInstant(zone),
            BigDecimal.valueOf(day.value(i), -day.scale()), day.channel().unit(), null, EnumSet.noneOf(VeeFlag.class),
            day.revision(), day.source(), day.intervalMinutes()));
      }
    }
    return result;
  }

  static List<IntervalReading> validatedReadings(ValidatedDay day, ZoneOffset offset, ZoneId zone) {
    List<IntervalReading> result = new ArrayList<>();
    for (int i = 0; i < day.intervalCount(); i++) {
      result.add(new IntervalReading(
          day.day().atStartOfDay().plusMinutes((long) (i + 1) * day.intervalMinutes()).atOffset(offset)
              .atZoneSameInstant(zone),
          BigDecimal.valueOf(day.value(i), -day.scale()), day.channel().unit(), day.status(i),
          VeeFlag.of(day.flags(i)), day.version(), day.source(), day.intervalMinutes()));
    }
    return result;
  }

}
