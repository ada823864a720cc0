package org.adcs.headend.api.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A report as the API serves it: a summary, named columns and rows of plain values (text, whole
 * numbers, shares, booleans, or null for "none"), and the page. JSON and CSV are written from the same
 * values, so both formats carry the same figures: JSON has the summary, the rows as objects and the
 * page; CSV has the header and the rows.
 */
public record ReportTable(String name, Map<String, Object> summary, List<String> columns, List<List<Object>> rows, Page page) {

  /** Shares are given to 6 decimal places (a ten-thousandth of a percent): enough for 99.99 %. */
  static final int SHARE_SCALE = 6;

  public record Page(int offset, int total, OptionalInt next) {}

  public ReportTable {
    summary = new LinkedHashMap<>(summary);
    columns = List.copyOf(columns);
    List<List<Object>> copied = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(name + ": a row of " + row.size() + " values for " + columns.size() + " columns");
      }
      copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = List.copyOf(copied);
  }

  /** A share rounded for the report; null when there is none. */
  static BigDecimal share(java.util.OptionalDouble share) {
    return share.isPresent() ? BigDecimal.valueOf(share.getAsDouble()).setScale(SHARE_SCALE, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros() : null;
  }

  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode doc = json.createObjectNode();
    doc.put("report", name);
    ObjectNode summaryNode = doc.putObject("summary");
    summary.forEach((k, v) -> summaryNode.set(k, json.valueToTree(v)));
    ArrayNode items = doc.putArray("rows");
    for (List<Object> row : rows) {
      ObjectNode item = items.addObject();
      for (int i = 0; i < columns.size(); i++) {
        item.set(columns.get(i), json.valueToTree(row.get(i)));
      }
    }
    if (page != null) {
      ObjectNode p = doc.putObject("page");
      p.put("offset", page.offset());
      p.put("total", page.total());
      if (page.next().isPresent()) {
        p.put("next", page.next().getAsInt());
      } else {
        p.putNull("next");
      }
    }
    return doc;
  }

  public String toCsv() {
    StringBuilder csv = new StringBuilder();
    line(csv, new ArrayList<>(columns));
    rows.forEach(row -> line(csv, row));
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(values.get(i)));
    }
    csv.append("\r\n");
  }

  /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
