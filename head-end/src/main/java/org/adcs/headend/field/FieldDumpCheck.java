package org.adcs.headend.field;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.Delivery;
import org.adcs.headend.meter.MeterModel.LoggedEvent;
import org.adcs.headend.meter.MeterModel.RegisterValue;
import org.adcs.headend.meter.MeterModel.Source;
import org.adcs.headend.session.EventCodes;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ScalerUnit;
import org.adcs.protocol.field.FieldDumpFile;

/**
 * Checks an uploaded field dump (R-FLD-2) before anything of it is stored: the file is whole (its
 * checksum), it is the expected meter's, and what it holds is what a meter can hold: the import and
 * export channels in Wh, a recording interval the meters support, times within the memory's span
 * (at most {@link #MEMORY_DAYS} days before the dump) and not in the future, rows in time order on
 * their day's interval grid, counts within the span, values within the width of the meter's
 * registers. Either all of it is accepted, converted to the meter entity's terms with source FIELD,
 * or none of it, with the reason.
 */
public final class FieldDumpCheck {

  /** No meter keeps more than this; the head-end's collected-interval window is as long. */
  public static final int MEMORY_DAYS = 62;
  /** How far ahead of the head-end's clock a meter's clock may be before its data counts as future. */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(15);
  /** Profile values and registers are double-long-unsigned. */
  static final long REGISTER_MAX = 0xFFFF_FFFFL;
  static final int MAX_EVENTS = 10_000;
  static final int MAX_INTERVALS = (MEMORY_DAYS + 1) * 1440;

  /** Why a dump is refused. */
  public enum Reason {
    /** Not a field dump, damaged or altered (checksum), or of another layout. */
    UNREADABLE,
    /** Another meter's memory. */
    FOREIGN_METER,
    /** Channels other than active import and export in Wh. */
    CHANNELS,
    /** A recording interval meters do not support. */
    CAPTURE_PERIOD,
    /** A time that is not a date-time, or rows out of order. */
    TIME,
    /** Data after the dump was taken, or a dump from the future. */
    FUTURE,
    /** A time before the memory's span. */
    OUT_OF_SPAN,
    /** More rows than the span can hold. */
    SIZE,
    /** A value wider than the meter's registers. */
    VALUE_RANGE,
    /** An interval off its day's interval grid. */
    GRID
  }

  /** What the dump holds, in the meter entity's terms. */
  public sealed interface Outcome {
    record Accepted(Delivery delivery, List<LoggedEvent> events, int intervals, Instant dumpedAt) implements Outcome {}

    record Refused(Reason reason, String detail) implements Outcome {}
  }

  private static final class Refusal extends RuntimeException {
    final Reason reason;

    Refusal(Reason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }

  private final ZoneOffset standardTime;

  /** @param standardTime the meters' standard time, in which the entity keeps days (R-COL-6) */
  public FieldDumpCheck(ZoneOffset standardTime) {
    this.standardTime = standardTime;
  }

  /**
   * @param logicalDeviceName the meter the pickup request is for
   * @param now               the head-end's clock, also the delivery's receipt time
   */
  public Outcome check(byte[] file, String logicalDeviceName, Instant now) {
    try {
      return accepted(read(file), logicalDeviceName, now);
    } catch (Refusal r) {
      return new Outcome.Refused(r.reason, r.getMessage());
    }
  }

  private static FieldDumpFile.Content read(byte[] file) {
    try {
      return FieldDumpFile.read(file);
    } catch (FieldDumpFile.Defect defect) {
      throw new Refusal(Reason.UNREADABLE, defect.getMessage());
    }
  }

  private Outcome accepted(FieldDumpFile.Content dump, String logicalDeviceName, Instant now) {
    if (!dump.logicalDeviceName().equals(logicalDeviceName)) {
      throw new Refusal(Reason.FOREIGN_METER, "the dump is of meter " + printable(dump.logicalDeviceName())
          + ", the pickup request is for " + logicalDeviceName);
    }
    ScalerUnit imports = channel(dump, 0, ObisCode.ACTIVE_ENERGY_IMPORT);
    ScalerUnit exports = channel(dump, 1, ObisCode.ACTIVE_ENERGY_EXPORT);
    long period = dump.capturePeriodSeconds();
    if (period % 60 != 0 || !Meter.INTERVAL_LENGTHS.contains((int) Math.min(Integer.MAX_VALUE, period / 60))) {
      throw new Refusal(Reason.CAPTURE_PERIOD, "capture period " + period + " s is not one of the recording intervals "
          + Meter.INTERVAL_LENGTHS + " minutes");
    }
    Instant dumpedAt = instant(dump.dumpedAt(), "the dump time");
    if (dumpedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
      throw new Refusal(Reason.FUTURE, "the dump was taken at " + dumpedAt + ", after now (" + now + ")");
    }
    Span span = new Span(dumpedAt.minus(Duration.ofDays(MEMORY_DAYS)), dumpedAt);
    atMost(dump.loadProfile().size(), MAX_INTERVALS, "load profile rows");
    atMost(dump.dailyBilling().size(), MEMORY_DAYS + 1, "daily billing rows");
    atMost(dump.eventLog().size(), MAX_EVENTS, "events");
    atMost(dump.powerQuality().size(), MEMORY_DAYS + 1, "power quality days");

    List<ChannelDay> days = days(dump.loadProfile(), span, (int) (period / 60), imports, exports);
    List<RegisterValue> registers = new ArrayList<>();
    for (FieldDumpFile.BillingRow row : dump.dailyBilling()) {
      LocalDateTime at = span.local(instant(row.midnight(), "a billing time"), "billing row", standardTime);
      registers.add(new RegisterValue("active-import", "Wh", at, register(row.importValue(), "import register"), imports.scaler()));
      registers.add(new RegisterValue("active-export", "Wh", at, register(row.exportValue(), "export register"), exports.scaler()));
    }
    List<LoggedEvent> events = new ArrayList<>();
    for (FieldDumpFile.EventRow row : dump.eventLog()) {
      LocalDateTime at = span.local(instant(row.time(), "an event time"), "event", standardTime);
      int code = (int) within(row.code(), 0xFFFF, "event code");
      events.add(new LoggedEvent(EventCodes.sequence(at, code), code, EventCodes.typeOf(code), at));
    }
    // Power quality is checked (it is part of the memory) but the entity keeps no voltages yet.
    Span qualitySpan = new Span(span.from().minus(Duration.ofDays(1)), span.to());
    for (FieldDumpFile.QualityRow row : dump.powerQuality()) {
      qualitySpan.local(instant(row.midnight(), "a power quality day"), "power quality day", standardTime);
      long min = within(row.min(), 0xFFFF, "minimum voltage");
      long avg = within(row.avg(), 0xFFFF, "average voltage");
      long max = within(row.max(), 0xFFFF, "maximum voltage");
      if (min > avg || avg > max) {
        throw new Refusal(Reason.VALUE_RANGE, "power quality minimum " + min + ", average " + avg + ", maximum " + max
            + " are out of order");
      }
    }
    return new Outcome.Accepted(new Delivery(Source.FIELD, now, days, registers), List.copyOf(events),
        dump.loadProfile().size(), dumpedAt);
  }

  /** The times a dump's rows may have: after {@code from}, not after {@code to}. */
  private record Span(Instant from, Instant to) {
    LocalDateTime local(Instant t, String what, ZoneOffset standardTime) {
      if (t.isAfter(to)) {
        throw new Refusal(Reason.FUTURE, what + " at " + t + " is after the dump was taken (" + to + ")");
      }
      if (!t.isAfter(from)) {
        throw new Refusal(Reason.OUT_OF_SPAN, what + " at " + t + " is before the memory's span (" + MEMORY_DAYS
            + " days before the dump, " + from + ")");
      }
      return LocalDateTime.ofInstant(t, standardTime);
    }
  }

  private static ScalerUnit channel(FieldDumpFile.Content dump, int index, ObisCode expected) {
    if (dump.channels().size() != 2) {
      throw new Refusal(Reason.CHANNELS, "a dump has 2 channels (active import, export), this one " + dump.channels().size());
    }
    FieldDumpFile.Channel channel = dump.channels().get(index);
    if (!channel.obis().equals(expected) || channel.scalerUnit().unit() != ScalerUnit.UNIT_WH
        || Math.abs(channel.scalerUnit().scaler()) > 9) {
      throw new Refusal(Reason.CHANNELS, "channel " + (index + 1) + " is " + channel.obis() + " in " + channel.scalerUnit()
          + ", expected " + expected + " in Wh with a scaler of at most 10^9");
    }
    return channel.scalerUnit();
  }

  private Instant instant(CosemDateTime t, String what) {
    Optional<OffsetDateTime> time = t.toOffsetDateTime();
    if (time.isEmpty()) {
      throw new Refusal(Reason.TIME, what + " is not a complete date-time with its deviation from UTC");
    }
    return time.get().toInstant();
  }

  private static void atMost(int count, int max, String what) {
    if (count > max) {
      throw new Refusal(Reason.SIZE, count + " " + what + " are more than a meter's memory holds (" + max + ")");
    }
  }

  private static long within(long value, long max, String what) {
    if (value < 0 || value > max) {
      throw new Refusal(Reason.VALUE_RANGE, what + " " + value + " is outside 0.." + max);
    }
    return value;
  }

  private static long register(long value, String what) {
    return within(value, REGISTER_MAX, what);
  }

  private record Row(LocalDateTime end, int status, long imports, long exports) {}

  /**
   * The intervals by day of the meters' standard time (end-of-interval: the interval ending at 00:00
   * belongs to the day before, R-COL-6). A day's interval length is the capture period, or a
   * supported length shorter than it when the day's rows step by that (the meter recorded more
   * often before it was reprogrammed, R-SCH-7).
   */
  private List<ChannelDay> days(List<FieldDumpFile.IntervalRow> rows, Span span, int capturePeriod, ScalerUnit imports,
      ScalerUnit exports) {
    Map<LocalDate, List<Row>> byDay = new TreeMap<>();
    Instant previous = Instant.MIN;
    for (FieldDumpFile.IntervalRow row : rows) {
      Instant end = instant(row.end(), "an interval end");
      if (!end.isAfter(previous)) {
        throw new Refusal(Reason.TIME, "the interval ending " + end + " does not follow the one ending " + previous);
      }
      previous = end;
      LocalDateTime local = span.local(end, "the interval ending", standardTime);
      byDay.computeIfAbsent(local.minusSeconds(1).toLocalDate(), d -> new ArrayList<>()).add(new Row(local,
          (int) within(row.status(), 0xFF, "interval status"), register(row.importValue(), "import value"),
          register(row.exportValue(), "export value")));
    }
    List<ChannelDay> days = new ArrayList<>();
    byDay.forEach((day, dayRows) -> {
      int minutes = intervalOf(dayRows, capturePeriod);
      int perDay = 1440 / minutes;
      long[] importValues = new long[perDay];
      long[] exportValues = new long[perDay];
      int[] status = new int[perDay];
      BitSet present = new BitSet(perDay);
      for (Row row : dayRows) {
        long minuteOfDay = Duration.between(day.atStartOfDay(), row.end()).toMinutes() - minutes;
        if (row.end().getSecond() != 0 || minuteOfDay < 0 || minuteOfDay % minutes != 0) {
          throw new Refusal(Reason.GRID, "the interval ending " + row.end() + " is not on " + day + "'s " + minutes
              + "-minute grid");
        }
        int index = (int) (minuteOfDay / minutes);
        status[index] = row.status();
        importValues[index] = row.imports();
        exportValues[index] = row.exports();
        present.set(index);
      }
      days.add(new ChannelDay("active-import", "Wh", BigDecimal.ONE.scaleByPowerOfTen(imports.scaler()), day, minutes,
          importValues, present.toLongArray(), status));
      days.add(new ChannelDay("active-export", "Wh", BigDecimal.ONE.scaleByPowerOfTen(exports.scaler()), day, minutes,
          exportValues, present.toLongArray(), status.clone()));
    });
    return days;
  }

  private static int intervalOf(List<Row> dayRows, int capturePeriod) {
    long shortest = Long.MAX_VALUE;
    for (int i = 1; i < dayRows.size(); i++) {
      shortest = Math.min(shortest, Duration.between(dayRows.get(i - 1).end(), dayRows.get(i).end()).toMinutes());
    }
    return shortest < capturePeriod && Meter.INTERVAL_LENGTHS.contains((int) shortest) ? (int) shortest : capturePeriod;
  }

  private static String printable(String name) {
    return name.chars().allMatch(c -> c >= 0x20 && c < 0x7F) && name.length() <= 64 ? name : "(unprintable name)";
  }
}
