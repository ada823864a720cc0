package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.VeeFlag;

/**
 * The content the EDI 867 documents carry (R-MD-5), as pipe-separated segments, one per line:
 * <pre>
 * HDR|867|sender|receiver|created|standard-time offset|transaction number|ORIGINAL or RESEND
 * PTD|service point|meter|channel|unit|interval minutes|period start|period end|read at|posted at|version
 * (the version "5" of delivery 5, "5.1" for the first repost after it)
 * QTY|interval end|value|status|estimated Y/N|adjusted Y/N|reason codes (comma-separated, may be empty)
 *   ... one QTY per interval ...
 * REG|start read|end read|usage          (register days only)
 * TOT|billable usage|estimated usage
 * SE|number of segments in the file including this one
 * </pre>
 * Times are {@code ccyymmddhhmm} in the meters' standard time; interval ends are the end of the interval,
 * so the day's last interval is stamped 00:00 of the next day; the period ends at that same time. Status
 * and reason codes are those of {@link MarketCodes}. A register day (a non-interval account) has interval
 * minutes 0, runs from the start read's time to the end read's (see {@link RegisterDay}), carries no QTY,
 * and its usage is the billable usage in TOT.
 */
public final class Edi867Writer {

  private Edi867Writer() {}

  public static String write(Envelope envelope, List<MarketDay> days) {
    ZoneOffset zone = envelope.standardTime();
    StringBuilder out = new StringBuilder();
    int[] segments = {0};
    segment(out, segments, "HDR", "867", envelope.sender(), envelope.receiver(), time(envelope.createdAt(), zone),
        zone.getId(), envelope.transaction(), envelope.resend() ? "RESEND" : "ORIGINAL");
    for (MarketDay day : days) {
      if (day.registers().isPresent()) {
        registers(out, segments, day.servicePoint(), day.registers().get(), zone);
        continue;
      }
      var data = day.data();
      LocalDateTime start = data.day().atStartOfDay();
      segment(out, segments, "PTD", day.servicePoint(), data.meter().value(), data.channel().name(),
          data.channel().unit(), Integer.toString(data.intervalMinutes()), CmepRecord.TIME.format(start),
          CmepRecord.TIME.format(start.plusDays(1)), time(data.readAt(), zone), time(data.postedAt(), zone),
          data.versionLabel());
      BigDecimal estimated = BigDecimal.ZERO;
      BigDecimal billable = BigDecimal.ZERO;
      for (int i = 0; i < data.intervalCount(); i++) {
        IntervalStatus status = data.status(i);
        var flags = VeeFlag.of(data.flags(i));
        boolean isEstimate = status == IntervalStatus.ESTIMATED;
        if (status.billable()) {
          billable = billable.add(day.value(i));
        }
        if (isEstimate) {
          estimated = estimated.add(day.value(i));
        }
        segment(out, segments, "QTY", CmepRecord.TIME.format(day.intervalEnd(i)), day.value(i).toPlainString(),
            status.code(), yesNo(isEstimate), yesNo(MarketCodes.adjusted(flags)),
            String.join(",", MarketCodes.reasons(flags)));
      }
      segment(out, segments, "TOT", billable.toPlainString(), estimated.toPlainString());
    }
    segment(out, segments, "SE", Integer.toString(segments[0] + 1));
    return out.toString();
  }

  private static void registers(StringBuilder out, int[] segments, String servicePoint, RegisterDay day,
      ZoneOffset zone) {
    var last = day.reads().get(day.reads().size() - 1);
    var start = day.previous().orElse(day.reads().get(0));
    segment(out, segments, "PTD", servicePoint, day.meter().value(), day.channel().name(), last.channel().unit(), "0",
        CmepRecord.TIME.format(start.readAt()), CmepRecord.TIME.format(last.readAt()), time(last.receivedAt(), zone),
        time(day.postedAt(), zone), Long.toString(last.revision()));
    var read = day.cumulative();
    segment(out, segments, "REG", read.startRead().toPlainString(), read.endRead().toPlainString(),
        read.usage().toPlainString());
    segment(out, segments, "TOT", read.usage().toPlainString(), BigDecimal.ZERO.toPlainString());
  }

  private static void segment(StringBuilder out, int[] count, String id, String... fields) {
    out.append(id);
    for (String field : fields) {
      if (field.indexOf('|') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("an 867 field cannot hold '|' or a line break: " + field);
      }
      out.append('|').append(field);
    }
    out.append("\r\n");
    count[0]++;
  }

  private static String time(Instant instant, ZoneOffset zone) {
    return CmepRecord.TIME.format(LocalDateTime.ofInstant(instant, zone));
  }

  private static String yesNo(boolean value) {
    return value ? "Y" : "N";
  }
}
