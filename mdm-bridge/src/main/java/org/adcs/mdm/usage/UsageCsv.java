package org.adcs.mdm.usage;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.adcs.mdm.usage.UsageHistory.ChannelUsage;

/**
 * A usage history as a CSV file for a party's mailbox: a header record, then per channel its monthly
 * totals, opening and closing reads and one record per day of intervals (values and status codes
 * separated by ';').
 */
public final class UsageCsv {

  private UsageCsv() {}

  public static String format(UsageHistory h) {
    StringBuilder out = new StringBuilder();
    out.append("record,sdpId,account,from,to,unmetered\r\n");
    out.append("history,").append(h.sdpId()).append(',').append(h.account()).append(',').append(h.from())
        .append(',').append(h.to()).append(',').append(h.unmetered()).append("\r\n");
    out.append("record,channel,unit,kwhChannel,month,total,days,demand,estimated,reason\r\n");
    for (ChannelUsage c : h.channels()) {
      String kwh = c.kwhChannel().map(k -> k.name()).orElse("");
      for (UsageHistory.MonthTotal m : c.months()) {
        out.append("month,").append(c.channel().name()).append(',').append(c.channel().unit()).append(',')
            .append(kwh).append(',').append(m.month()).append(',').append(plain(m.total())).append(',')
            .append(m.days()).append(',').append(m.demand().map(UsageCsv::plain).orElse("")).append(',')
            .append(m.estimated()).append(',')
            .append(m.reason().map(r -> r.wireName()).orElse("")).append("\r\n");
      }
    }
    out.append("record,channel,which,meter,at,value\r\n");
    for (ChannelUsage c : h.channels()) {
      c.opening().ifPresent(r -> out.append("read,").append(c.channel().name()).append(",opening,")
          .append(r.meter()).append(',').append(r.at()).append(',').append(plain(r.value())).append("\r\n"));
      c.closing().ifPresent(r -> out.append("read,").append(c.channel().name()).append(",closing,")
          .append(r.meter()).append(',').append(r.at()).append(',').append(plain(r.value())).append("\r\n"));
    }
    out.append("record,channel,meter,day,intervalMinutes,values,status\r\n");
    for (ChannelUsage c : h.channels()) {
      for (UsageHistory.DayIntervals d : c.intervals()) {
        out.append("day,").append(c.channel().name()).append(',').append(d.meter()).append(',').append(d.day())
            .append(',').append(d.intervalMinutes()).append(',')
            .append(d.values().stream().map(UsageCsv::plain).collect(Collectors.joining(";"))).append(',')
            .append(String.join(";", d.status())).append("\r\n");
      }
    }
    return out.toString();
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
