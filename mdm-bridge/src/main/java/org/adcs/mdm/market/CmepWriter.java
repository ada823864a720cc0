package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a party's posted days as CMEP interval records, one MEPMD01 line per meter, channel and day (R-MD-5). */
public final class CmepWriter {

  /** Electricity. */
  static final String COMMODITY = "E";
  /** Regular delivery. */
  static final String PURPOSE = "OK";
  /** Data sent again on request (R-VEE-3). */
  static final String RESEND = "RESEND";

  private CmepWriter() {}

  public static String write(Envelope envelope, List<MarketDay> days) {
    StringBuilder out = new StringBuilder();
    for (MarketDay day : days) {
      out.append(record(envelope, day).line()).append("\r\n");
    }
    return out.toString();
  }

  public static CmepRecord record(Envelope envelope, MarketDay day) {
    var data = day.data();
    List<CmepRecord.Reading> readings = new ArrayList<>(data.intervalCount());
    for (int i = 0; i < data.intervalCount(); i++) {
      readings.add(new CmepRecord.Reading(day.intervalEnd(i), MarketCodes.quality(data.status(i)), day.value(i)));
    }
    LocalDateTime stamp = LocalDateTime.ofInstant(envelope.createdAt(), envelope.standardTime());
    return new CmepRecord(envelope.sender(), envelope.receiver(), day.servicePoint(), stamp,
        data.meter().value() + "/" + data.channel().name(), envelope.resend() ? RESEND : PURPOSE, COMMODITY,
        data.channel().unit().toUpperCase(Locale.ROOT), BigDecimal.ONE, data.intervalMinutes(), readings);
  }
}
