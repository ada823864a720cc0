package org.adcs.headend.api.data;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.adcs.mdm.query.IntervalReading;
import org.adcs.mdm.vee.VeeFlag;

/**
 * One interval as every output format writes it, so JSON, CSV and XML carry the same text for the
 * same datum: the end in the requester's zone with its offset, the value, unit, status code (VAL,
 * EST, NV, NVE; empty for raw data), flags and source.
 */
public record ReadingRow(String meterId, String channel, String end, BigDecimal value, String unit, String status,
    List<String> flags, String source, int intervalMinutes) {

  public static ReadingRow of(String meterId, String channel, IntervalReading r) {
    return new ReadingRow(meterId, channel, r.end().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        r.value(), r.unit(), r.status() == null ? "" : r.status().code(),
        r.flags().stream().map(VeeFlag::name).toList(), r.source().name(), r.intervalMinutes());
  }

  /** The value as written in every format: plain decimal, no exponent. */
  public String valueText() {
    return value.toPlainString();
  }
}
