package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a party's posted days as CMEP records, one MEPMD01 line per meter, channel and day (R-MD-5):
 * interval records, and for register days a record with interval {@code 00000000} and one triplet per read.
 */
public final class CmepWriter {

  /** Electricity. */
  static final String COMMODITY = "E";
  /** Regular delivery. */
  static final String PURPOSE = "OK";
  /** Data sent again on request (R-VEE-3). */
  static final String RESEND = "RESEND";
  /** A register read is an actual read: it is not validated as intervals are. */
  static final String ACTUAL = "A";

  private CmepWriter() {}

  public static String write(Envelope envelope, List<MarketDay> days) {
    StringBuilder out = new StringBuilder();
    for (MarketDay day : days) {
      out.append(record(envelope, day).line()).append("\r\n");
    }
    return out.toString();
  }

  public static CmepRecord record(Envelope envelope, MarketDay day) {
    LocalDateTime stamp = LocalDateTime.ofInstant(envelope.createdAt(), envelope.standardTime());
    String purpose = envelope.resend() ? RESEND : PURPOSE;
    if (day.registers().isPresent()) {
      RegisterDay registers = day.registers().get();
      List<CmepRecord.Reading> reads = registers.reads().stream()
          .map(r -> new CmepRecord.Reading(r.readAt(), ACTUAL, RegisterDay.value(r))).toList();
      return new CmepRecord(envelope.sender(), envelope.receiver(), day.servicePoint(), stamp,
          registers.meter().value() + "/" + registers.channel().name(), purpose, COMMODITY,
          registers.reads().get(0).channel().unit().toUpperCase(Locale.ROOT), BigDecimal.ONE, 0, reads);
    }
    var data = day.data();
    List<CmepRecord.Reading> readings = new ArrayList<>(data.intervalCount());
    for (int i = 0; i < data.intervalCount(); i++) {
      readings.add(new CmepRecord.Reading(day.intervalEnd(i), MarketCodes.quality(data.status(i)), day.value(i)));
    }
    return new CmepRecord(envelope.sender(), envelope.receiver(), day.servicePoint(), stamp,
        data.meter().value() + "/" + data.channel().name(), purpose, COMMODITY,
        data.channel().unit().toUpperCase(Locale.ROOT), BigDecimal.ONE, data.intervalMinutes(), readings);
  }
}
