package org.adcs.headend.api.data;

import java.util.List;

/**
 * RFC 4180 CSV, one line per interval: {@code meter_id,channel,interval_end,value,unit,status,flags,
 * source,interval_minutes}; flags are separated by {@code |}.
 */
final class CsvReadingWriter implements ReadingWriter {

  static final String HEADER = "meter_id,channel,interval_end,value,unit,status,flags,source,interval_minutes";

  @Override
  public String begin(Heading heading) {
    return HEADER + "\r\n";
  }

  @Override
  public String series(String meterId, String channel, List<ReadingRow> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 100);
    for (ReadingRow r : rows) {
      out.append(field(r.meterId())).append(',').append(field(r.channel())).append(',').append(r.end()).append(',')
          .append(r.valueText()).append(',').append(field(r.unit())).append(',').append(r.status()).append(',')
          .append(String.join("|", r.flags())).append(',').append(r.source()).append(',').append(r.intervalMinutes())
          .append("\r\n");
    }
    return out.toString();
  }

  @Override
  public String end() {
    return "";
  }

  /** Quotes a field that holds a separator, quote or line break (RFC 4180). */
  static String field(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
