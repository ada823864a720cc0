package org.adcs.mdm.masterdata;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a sync set as it arrives: a JSON document ({@code source, sequence, kind, effectiveAt,
 * records: [{...}]}) or a CSV file whose header names the record fields, with the set's own fields
 * given beside it. Set-level faults throw {@link InvalidSyncSet}; faulty records become exceptions of
 * the set's report.
 */
public final class SyncInput {

  public static final int MAX_RECORDS = 100_000;
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private SyncInput() {}

  /** A set that cannot be taken at all; the message says why. */
  public static final class InvalidSyncSet extends IllegalArgumentException {
    public InvalidSyncSet(String message) {
      super(message);
    }
  }

  /** The set's own fields, as given with a JSON body or beside a CSV file. */
  public record Header(String source, long sequence, SyncSet.Kind kind, Instant effectiveAt) {

    public static Header parse(Object source, Object sequence, Object kind, Object effectiveAt) {
      String s = source == null ? "" : source.toString().trim();
      if (!SOURCE.matcher(s).matches()) {
        throw new InvalidSyncSet("source must name the sending system: 1 to 64 letters, digits or . _ -, found '"
            + s + "'");
      }
      long seq;
      try {
        seq = sequence instanceof Number n && !(sequence instanceof Double || sequence instanceof Float)
            ? n.longValue() : Long.parseLong(String.valueOf(sequence).trim());
      } catch (NumberFormatException e) {
        throw new InvalidSyncSet("sequence must be a whole number of at least 1, found '" + sequence + "'");
      }
      if (seq < 1) {
        throw new InvalidSyncSet("sequence must be a whole number of at least 1, found " + seq);
      }
      SyncSet.Kind k;
      try {
        k = SyncSet.Kind.valueOf(String.valueOf(kind).trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidSyncSet("kind must be FULL or INCREMENTAL, found '" + kind + "'");
      }
      Instant at;
      try {
        at = Instant.parse(String.valueOf(effectiveAt).trim());
      } catch (DateTimeParseException e) {
        throw new InvalidSyncSet("effectiveAt must be an ISO-8601 instant such as 2024-03-01T00:00:00Z, found '"
            + effectiveAt + "'");
      }
      return new Header(s, seq, k, at);
    }
  }

  /** @param records the {@code records} array of a JSON body, as parsed */
  public static SyncSet fromRecords(Header header, Object records, String fingerprint) {
    if (!(records instanceof List<?> list)) {
      throw new InvalidSyncSet("records must be an array of record objects");
    }
    checkSize(list.size());
    List<SyncRecord> valid = new ArrayList<>();
    List<SyncRecord.Invalid> invalid = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> map) {
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        add(SyncRecord.parse(i, fields), valid, invalid);
      } else {
        invalid.add(new SyncRecord.Invalid(i, "", "a record must be an object of fields"));
      }
    }
    return new SyncSet(header.source(), header.sequence(), header.kind(), header.effectiveAt(), valid, invalid,
        fingerprint);
  }

  /** A CSV file: a header row of field names, then one record a row; {@code channels} separated by ';'. */
  public static SyncSet fromCsv(Header header, String csv, String fingerprint) {
    List<List<String>> rows = Csv.parse(csv);
    if (rows.isEmpty()) {
      throw new InvalidSyncSet("the CSV file has no header row");
    }
    List<String> columns = rows.get(0).stream().map(String::trim).toList();
    for (String column : columns) {
      if (!SyncRecord.FIELDS.contains(column)) {
        throw new InvalidSyncSet("unknown CSV column '" + column + "'; columns are " + SyncRecord.FIELDS);
      }
    }
    checkSize(rows.size() - 1);
    List<SyncRecord> valid = new ArrayList<>();
    List<SyncRecord.Invalid> invalid = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() != columns.size()) {
        invalid.add(new SyncRecord.Invalid(r - 1, "", "row " + (r + 1) + " has " + row.size() + " fields, the header "
            + columns.size()));
        continue;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        if (!row.get(c).isEmpty()) {
          fields.put(columns.get(c), row.get(c));
        }
      }
      add(SyncRecord.parse(r - 1, fields), valid, invalid);
    }
    return new SyncSet(header.source(), header.sequence(), header.kind(), header.effectiveAt(), valid, invalid,
        fingerprint);
  }

  private static void checkSize(int records) {
    if (records > MAX_RECORDS) {
      throw new InvalidSyncSet("a sync set holds at most " + MAX_RECORDS + " records, found " + records
          + "; split it into several sets");
    }
  }

  private static void add(SyncRecord.Parsed parsed, List<SyncRecord> valid, List<SyncRecord.Invalid> invalid) {
    if (parsed instanceof SyncRecord.Valid v) {
      valid.add(v.record());
    } else if (parsed instanceof SyncRecord.Invalid i) {
      invalid.add(i);
    }
  }

  /** RFC 4180 CSV: fields may be quoted, quotes doubled inside; blank lines are skipped. */
  static final class Csv {

    private Csv() {}

    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
          continue;
        }
        switch (c) {
          case '"' -> {
            quoted = true;
            any = true;
          }
          case ',' -> {
            row.add(field.toString());
            field.setLength(0);
            any = true;
          }
          case '\r' -> { }
          case '\n' -> {
            if (any || field.length() > 0) {
              row.add(field.toString());
              rows.add(row);
            }
            row = new ArrayList<>();
            field.setLength(0);
            any = false;
          }
          default -> {
            field.append(c);
            any = true;
          }
        }
      }
      if (quoted) {
        throw new InvalidSyncSet("the CSV file ends inside a quoted field");
      }
      if (any || field.length() > 0) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
