package org.adcs.cli.output;

import java.util.ArrayList;
import java.util.List;

/** Reads the API's CSV (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes). */
public final class Csv {

  private Csv() {}

  public static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
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
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** The CSV as a table for people; rows shorter or longer than the header are padded or cut. */
  public static Table table(String text) {
    List<List<String>> rows = parse(text);
    if (rows.isEmpty()) {
      return new Table("(empty)");
    }
    List<String> header = rows.get(0);
    Table table = new Table(header.toArray(String[]::new));
    for (List<String> r : rows.subList(1, rows.size())) {
      Object[] cells = new Object[header.size()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = c < r.size() ? r.get(c) : "";
      }
      table.row(cells);
    }
    return table;
  }
}
