package org.adcs.mdm.market;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.adcs.mdm.vee.VeeFlag;

/**
 * RFC 4180 CSV, one line per interval, the reading API's columns with the service point and the read
 * and posting times added: {@code service_point,meter_id,channel,interval_end,value,unit,status,flags,
 * source,interval_minutes,read_at,posted_at}. Times are ISO-8601 in the meters' standard time, interval
 * ends included (the day's last interval ends at 00:00 of the next day); flags are separated by {@code |}.
 * A register read (a non-interval account) is one line with its read time in {@code interval_end}, the
 * register value, status {@code REG}, no flags, interval minutes 0, and {@code read_at} and {@code posted_at}
 * both the time the read arrived.
 */
public final class MarketCsvWriter {

  /** The status of a register read's line. */
  static final String REGISTER = "REG";

  static final String HEADER = "service_point,meter_id,channel,interval_end,value,unit,status,flags,source,"
      + "interval_minutes,read_at,posted_at";

  private MarketCsvWriter() {}

  public static String write(Envelope envelope, List<MarketDay> days) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    var zone = envelope.standardTime();
    for (MarketDay day : days) {
      if (day.registers().isPresent()) {
        registers(out, day.servicePoint(), day.registers().get(), zone);
        continue;
      }
      var data = day.data();
      String readAt = LocalDateTime.ofInstant(data.readAt(), zone).atOffset(zone).toString();
      String postedAt = LocalDateTime.ofInstant(data.postedAt(), zone).atOffset(zone).toString();
      for (int i = 0; i < data.intervalCount(); i++) {
        out.append(field(day.servicePoint())).append(',').append(data.meter().value()).append(',')
            .append(data.channel().name()).append(',').append(day.intervalEnd(i).atOffset(zone)).append(',')
            .append(day.value(i).toPlainString()).append(',').append(data.channel().unit()).append(',')
            .append(data.status(i).code()).append(',')
            .append(String.join("|", VeeFlag.of(data.flags(i)).stream().map(Enum::name).toList())).append(',')
            .append(data.source()).append(',').append(data.intervalMinutes()).append(',').append(readAt).append(',')
            .append(postedAt).append("\r\n");
      }
    }
    return out.toString();
  }

  private static void registers(StringBuilder out, String servicePoint, RegisterDay day, ZoneOffset zone) {
    for (var read : day.reads()) {
      String arrived = LocalDateTime.ofInstant(read.receivedAt(), zone).atOffset(zone).toString();
      out.append(field(servicePoint)).append(',').append(day.meter().value()).append(',').append(day.channel().name())
          .append(',').append(read.readAt().atOffset(zone)).append(',').append(RegisterDay.value(read).toPlainString())
          .append(',').append(read.channel().unit()).append(',').append(REGISTER).append(",,").append(read.source())
          .append(",0,").append(arrived).append(',').append(arrived).append("\r\n");
    }
  }

  static String field(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
