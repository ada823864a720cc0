package org.adcs.headend.meter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.adcs.headend.serialization.CborSerializable;

/** The values a meter entity keeps and its events carry: protocol-neutral, serializable. */
public final class MeterModel {

  private MeterModel() {}

  /** How the head-end reaches a meter (R-COL-5). */
  public enum ConnectionKind {
    /** The meter dials the head-end's meter port and keeps the connection (cellular meters). */
    METER_CONNECTS,
    /** The head-end dials the meter at its address. */
    HEAD_END_DIALS
  }

  /** Where a datum came from (R-COL-4). */
  public enum Source { SCHEDULED, ON_DEMAND, RECOVERY, FIELD }

  /**
   * @param credentialsRef where the meter's LLS password is kept (never the password itself)
   * @param address        host:port for meters the head-end dials, otherwise null
   */
  public record Registration(String serial, String logicalDeviceName, String protocol, ConnectionKind connection,
      String address, String credentialsRef) implements CborSerializable {
    public Registration {
      Objects.requireNonNull(serial, "serial");
      Objects.requireNonNull(logicalDeviceName, "logicalDeviceName");
      Objects.requireNonNull(connection, "connection");
      if (connection == ConnectionKind.HEAD_END_DIALS && (address == null || address.isBlank())) {
        throw new IllegalArgumentException("a meter the head-end dials needs an address");
      }
    }
  }

  /** The default daily read: a read group (20-minute slot of the collection window) and time. */
  public record DefaultSchedule(int readGroup, LocalTime readTime, String setBy, boolean acknowledged)
      implements CborSerializable {}

  /**
   * A non-default schedule (R-SCH-5): reads between {@code start} and {@code end} every
   * {@code frequency}, from {@code from} until {@code until} (null: open-ended), set by a person or
   * system. {@code slot} is the meter's schedule object it occupies (1..4), given by the entity.
   */
  public record ExtraSchedule(String id, LocalTime start, LocalTime end, Duration frequency, LocalDate from,
      LocalDate until, String setBy, String reason, boolean acknowledged, int slot) implements CborSerializable {
    public ExtraSchedule {
      if (id == null || !id.matches("[A-Za-z0-9_-]{1,32}")) {
        throw new IllegalArgumentException("schedule id must be 1-32 letters, digits, _ or -");
      }
      Objects.requireNonNull(frequency, "frequency");
      if (frequency.isNegative() || frequency.isZero() || frequency.compareTo(Duration.ofDays(7)) > 0) {
        throw new IllegalArgumentException("a schedule reads at least weekly and at most every minute, found every "
            + frequency);
      }
      if (setBy == null || setBy.isBlank()) {
        throw new IllegalArgumentException("the person or system setting a schedule is recorded (R-SCH-5)");
      }
      if (from != null && until != null && until.isBefore(from)) {
        throw new IllegalArgumentException("schedule ends before it starts");
      }
      if (start != null && end != null && end.isBefore(start)) {
        throw new IllegalArgumentException("a schedule's daily end " + end + " is before its start " + start);
      }
    }

    /** A schedule not yet placed in a slot of the meter. */
    public ExtraSchedule(String id, LocalTime start, LocalTime end, Duration frequency, LocalDate from,
        LocalDate until, String setBy, String reason, boolean acknowledged) {
      this(id, start, end, frequency, from, until, setBy, reason, acknowledged, 0);
    }

    ExtraSchedule acknowledgedNow() {
      return new ExtraSchedule(id, start, end, frequency, from, until, setBy, reason, true, slot);
    }

    ExtraSchedule inSlot(int meterSlot) {
      return new ExtraSchedule(id, start, end, frequency, from, until, setBy, reason, false, meterSlot);
    }

    /**
     * The daily execution times written to the meter: from {@code start} (midnight if open) every
     * {@code frequency} up to {@code end} (the end of the day if open); a frequency of a day or
     * more is once a day at the start, the weekly rhythm is kept by the head-end's dates.
     */
    public List<LocalTime> dailyTimes() {
      LocalTime first = start == null ? LocalTime.MIDNIGHT : start;
      if (frequency.compareTo(Duration.ofDays(1)) >= 0) {
        return List.of(first);
      }
      int last = end == null ? 24 * 60 - 1 : end.getHour() * 60 + end.getMinute();
      long step = Math.max(1, frequency.toMinutes());
      List<LocalTime> times = new java.util.ArrayList<>();
      for (long minute = first.getHour() * 60L + first.getMinute(); minute <= last; minute += step) {
        times.add(LocalTime.of((int) (minute / 60), (int) (minute % 60)));
      }
      return List.copyOf(times);
    }
  }

  /**
   * One channel's intervals of one day as the meter sent them: pulses, with what converts them to
   * engineering units (R-COL-2), per-interval status bits, end-of-interval on standard time.
   */
  public record ChannelDay(String channel, String unit, BigDecimal multiplier, LocalDate day, int intervalMinutes,
      long[] pulses, long[] present, int[] status) implements CborSerializable {
    public ChannelDay {
      if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
        throw new IllegalArgumentException("interval length must divide a day");
      }
      int count = 1440 / intervalMinutes;
      if (pulses.length != count || status.length != count) {
        throw new IllegalArgumentException("a day of " + intervalMinutes + "-minute intervals has " + count + " values");
      }
      if (multiplier.signum() <= 0) {
        throw new IllegalArgumentException("multiplier must be positive");
      }
    }

    public java.util.BitSet presentIntervals() {
      return java.util.BitSet.valueOf(present);
    }
  }

  /** A register read with its scaler (value x 10^scale unit), at the meter's standard time. */
  public record RegisterValue(String channel, String unit, LocalDateTime readAt, long value, int scale)
      implements CborSerializable {}

  /** An event as the meter logged it (R-EV-1): its own time, code and sequence. */
  public record LoggedEvent(long sequence, int code, String type, LocalDateTime occurredAt) implements CborSerializable {}

  /** A delivery of interval data and registers (a push, a read, a field download). */
  public record Delivery(Source source, Instant receivedAt, List<ChannelDay> days, List<RegisterValue> registers)
      implements CborSerializable {
    public Delivery {
      days = List.copyOf(days);
      registers = List.copyOf(registers);
    }
  }

  /** The state of the meter's clock as last checked (R-CLK-1). */
  public record ClockStatus(Instant lastChecked, Duration lastDrift, boolean needsAttention) implements CborSerializable {
    static final ClockStatus UNKNOWN = new ClockStatus(null, null, false);
  }
}
