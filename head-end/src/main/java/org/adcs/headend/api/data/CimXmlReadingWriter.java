package org.adcs.headend.api.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IEC 61968-9 {@code MeterReadings}: one {@code MeterReading} per meter and channel, its intervals in
 * one {@code IntervalBlocks} that refers to a {@code ReadingType} (listed at the end, with its unit).
 * Each {@code IntervalReadings} carries the end timestamp, value and source, and its status and flags
 * as {@code ReadingQualities}: the type code {@code system.category.index} (system 2, the metering
 * system; categories 0 valid, 6 validation, 8 estimated, 10 questionable) and the status or flag
 * name as the comment, so no information is lost to the mapping.
 */
final class CimXmlReadingWriter implements ReadingWriter {

  static final String NAMESPACE = "http://iec.ch/TC57/2011/MeterReadings#";

  /** Reading types used so far, by their code, for the list at the end (a handful: channels x lengths). */
  private final Map<String, String> readingTypes = new LinkedHashMap<>();

  @Override
  public String begin(Heading heading) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MeterReadings xmlns=\"" + NAMESPACE + "\">\n";
  }

  @Override
  public String series(String meterId, String channel, List<ReadingRow> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    ReadingRow first = rows.get(0);
    String type = readingType(channel, first.unit(), first.intervalMinutes());
    StringBuilder out = new StringBuilder(rows.size() * 220);
    out.append(" <MeterReading>\n  <Meter><mRID>").append(escape(meterId)).append("</mRID></Meter>\n")
        .append("  <IntervalBlocks>\n");
    for (ReadingRow r : rows) {
      out.append("   <IntervalReadings><source>").append(r.source()).append("</source><timeStamp>").append(r.end())
          .append("</timeStamp><value>").append(r.valueText()).append("</value>");
      if (!r.status().isEmpty()) {
        quality(out, statusQuality(r.status()), r.status());
      }
      for (String flag : r.flags()) {
        quality(out, flagQuality(flag), flag);
      }
      out.append("</IntervalReadings>\n");
    }
    out.append("   <ReadingType ref=\"").append(type).append("\"/>\n  </IntervalBlocks>\n </MeterReading>\n");
    return out.toString();
  }

  @Override
  public String end() {
    StringBuilder out = new StringBuilder();
    readingTypes.forEach((code, description) -> out.append(description));
    return out.append("</MeterReadings>\n").toString();
  }

  private static void quality(StringBuilder out, String code, String comment) {
    out.append("<ReadingQualities><comment>").append(escape(comment)).append("</comment><ReadingQualityType ref=\"")
        .append(code).append("\"/></ReadingQualities>");
  }

  /** The reading type's 18-part code (61968-9 Annex C) where the channel is known, else a local code. */
  private String readingType(String channel, String unit, int intervalMinutes) {
    String code = switch (channel) {
      case "active-import" -> cimCode(1, intervalMinutes, unit);
      case "active-export" -> cimCode(19, intervalMinutes, unit);
      default -> "adcs." + channel + "." + intervalMinutes + "." + unit;
    };
    readingTypes.computeIfAbsent(code, c -> " <ReadingType><mRID>" + escape(c) + "</mRID><name>" + escape(channel)
        + "</name><unit>" + escape(unit) + "</unit><intervalLength>" + intervalMinutes * 60
        + "</intervalLength></ReadingType>\n");
    return escape(code);
  }

  /** macroPeriod.aggregate.measuringPeriod.accumulation(delta).flowDirection.commodity(electricity).kind(energy)... */
  private static String cimCode(int flowDirection, int intervalMinutes, String unit) {
    int period = switch (intervalMinutes) {
      case 5 -> 6;
      case 10 -> 1;
      case 15 -> 2;
      case 30 -> 5;
      case 60 -> 7;
      default -> 0;
    };
    int unitCode = switch (unit) {
      case "Wh" -> 72;
      case "varh" -> 73;
      default -> 0;
    };
    return "0.0." + period + ".4." + flowDirection + ".1.12.0.0.0.0.0.0.0.0.0." + unitCode + ".0";
  }

  static String statusQuality(String status) {
    return switch (status) {
      case "VAL" -> "2.0.0";
      case "EST" -> "2.8.0";
      case "NV" -> "2.10.0";
      default -> "2.6.0";
    };
  }

  static String flagQuality(String flag) {
    return flag.startsWith("ESTIMATE") ? "2.8.0" : "2.6.0";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
