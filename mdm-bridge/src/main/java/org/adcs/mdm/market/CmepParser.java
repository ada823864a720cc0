package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CMEP interval records (MEPMD01) back, e.g. to check a file or take one in. A triplet may leave
 * its date-time empty: it is then the previous interval's end plus the interval length, as CMEP allows.
 * A register record (interval {@code 00000000}) needs every read's date-time.
 */
public final class CmepParser {

  private static final int HEADER_FIELDS = 13;

  private CmepParser() {}

  public static List<CmepRecord> parse(String text) {
    List<CmepRecord> records = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int n = 0; n < lines.length; n++) {
      if (lines[n].isBlank()) {
        continue;
      }
      try {
        records.add(record(lines[n]));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException("CMEP line " + (n + 1) + ": " + e.getMessage(), e);
      }
    }
    return records;
  }

  static CmepRecord record(String line) {
    String[] f = line.split(",", -1);
    if (f.length < HEADER_FIELDS) {
      throw new IllegalArgumentException("a MEPMD01 record has at least " + HEADER_FIELDS + " fields, found " + f.length);
    }
    if (!CmepRecord.TYPE.equals(f[0])) {
      throw new IllegalArgumentException("not a " + CmepRecord.TYPE + " record: " + f[0]);
    }
    if (!CmepRecord.VERSION.equals(f[1])) {
      throw new IllegalArgumentException("unsupported record version " + f[1]);
    }
    int interval = CmepRecord.intervalMinutes(f[11]);
    int count = Integer.parseInt(f[12]);
    if (count < 0 || f.length != HEADER_FIELDS + 3 * count) {
      throw new IllegalArgumentException("count " + f[12] + " does not match the " + (f.length - HEADER_FIELDS)
          + " fields of triplets");
    }
    List<CmepRecord.Reading> readings = new ArrayList<>(count);
    LocalDateTime previous = null;
    for (int i = 0; i < count; i++) {
      int at = HEADER_FIELDS + 3 * i;
      LocalDateTime end;
      if (f[at].isEmpty()) {
        if (previous == null || interval == 0) {
          throw new IllegalArgumentException(interval == 0 ? "a register read needs its date-time"
              : "the first triplet needs its date-time");
        }
        end = previous.plusMinutes(interval);
      } else {
        end = LocalDateTime.parse(f[at], CmepRecord.TIME);
      }
      MarketCodes.status(f[at + 1]);
      readings.add(new CmepRecord.Reading(end, f[at + 1], new BigDecimal(f[at + 2])));
      previous = end;
    }
    return new CmepRecord(f[2], f[3], f[4], LocalDateTime.parse(f[5], CmepRecord.TIME), f[6], f[7], f[8], f[9],
        new BigDecimal(f[10]), interval, readings);
  }
}
