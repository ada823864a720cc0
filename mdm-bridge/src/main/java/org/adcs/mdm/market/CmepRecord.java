package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * One CMEP interval record (MEPMD01, record version 19970819): sender, receiver, the receiver's
 * customer id (our service point), the record's time stamp, the meter id (meter and channel as
 * {@code meter/channel}), purpose, commodity, units, calculation constant, interval length, count,
 * then {@code count} date-time / quality / value triplets. Date-times are interval ends in the meters'
 * standard time, {@code ccyymmddhhmm}. A register record (a non-interval account's reads) has the
 * interval {@code 00000000} and one triplet per read: the read's time, its quality and the register value.
 */
public record CmepRecord(String sender, String receiver, String customer, LocalDateTime timestamp, String meter,
    String purpose, String commodity, String units, BigDecimal constant, int intervalMinutes, List<Reading> readings) {

  public static final String TYPE = "MEPMD01";
  public static final String VERSION = "19970819";
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

  public CmepRecord {
    for (String field : new String[] {sender, receiver, customer, meter, purpose, commodity, units}) {
      Objects.requireNonNull(field, "CMEP field");
      if (field.indexOf(',') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a CMEP field cannot hold a comma or line break: " + field);
      }
    }
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(constant, "constant");
    if (intervalMinutes < 0 || intervalMinutes > 1440) {
      throw new IllegalArgumentException("a CMEP interval is 1 to 1440 minutes (0 for register reads), found "
          + intervalMinutes);
    }
    readings = List.copyOf(readings);
  }

  /** Register reads carry no interval. */
  public boolean isRegister() {
    return intervalMinutes == 0;
  }

  /** One interval: its end, quality letter (see {@link MarketCodes#quality}) and value. */
  public record Reading(LocalDateTime end, String quality, BigDecimal value) {}

  /** The record as one line (no line break). */
  public String line() {
    StringBuilder out = new StringBuilder(64 + readings.size() * 24);
    out.append(TYPE).append(',').append(VERSION).append(',').append(sender).append(',').append(receiver).append(',')
        .append(customer).append(',').append(TIME.format(timestamp)).append(',').append(meter).append(',')
        .append(purpose).append(',').append(commodity).append(',').append(units).append(',')
        .append(constant.toPlainString()).append(',').append(interval(intervalMinutes)).append(',')
        .append(readings.size());
    for (Reading r : readings) {
      out.append(',').append(TIME.format(r.end())).append(',').append(r.quality()).append(',')
          .append(r.value().toPlainString());
    }
    return out.toString();
  }

  /** CMEP gives the interval as {@code MMDDHHMM} (months, days, hours, minutes): 15 minutes is 00000015. */
  static String interval(int minutes) {
    return String.format("00%02d%02d%02d", minutes / 1440, minutes % 1440 / 60, minutes % 60);
  }

  static int intervalMinutes(String text) {
    if (!text.matches("\\d{8}") || !text.startsWith("00")) {
      throw new IllegalArgumentException("a CMEP interval is MMDDHHMM with no months, found " + text);
    }
    int days = Integer.parseInt(text.substring(2, 4));
    int hours = Integer.parseInt(text.substring(4, 6));
    int minutes = Integer.parseInt(text.substring(6, 8));
    if (hours > 23 || minutes > 59) {
      throw new IllegalArgumentException("not a CMEP interval: " + text);
    }
    return days * 1440 + hours * 60 + minutes;
  }
}
