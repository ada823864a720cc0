package org.adcs.headend.api.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code {"kind":..,"zone":..,"from":..,"to":..,"readings":[{row}, ...]}}, one object per interval. */
final class JsonReadingWriter implements ReadingWriter {

  private final ObjectMapper json;
  private boolean first = true;

  JsonReadingWriter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public String begin(Heading heading) {
    ObjectNode head = json.createObjectNode().put("kind", heading.kind()).put("zone", heading.zone())
        .put("from", heading.from().toString()).put("to", heading.to().toString());
    String text = write(head);
    // The readings array is opened here and filled series by series.
    return text.substring(0, text.length() - 1) + ",\"readings\":[";
  }

  @Override
  public String series(String meterId, String channel, List<ReadingRow> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 160);
    for (ReadingRow r : rows) {
      ObjectNode row = json.createObjectNode().put("meterId", r.meterId()).put("channel", r.channel())
          .put("end", r.end());
      // Plain decimal, as in the other formats (1000, not 1E+3).
      row.putRawValue("value", new com.fasterxml.jackson.databind.util.RawValue(r.valueText()));
      row.put("unit", r.unit());
      if (r.status().isEmpty()) {
        row.putNull("status");
      } else {
        row.put("status", r.status());
      }
      r.flags().forEach(row.putArray("flags")::add);
      row.put("source", r.source()).put("intervalMinutes", r.intervalMinutes());
      out.append(first ? "\n" : ",\n").append(write(row));
      first = false;
    }
    return out.toString();
  }

  @Override
  public String end() {
    return "\n]}\n";
  }

  private String write(ObjectNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a reading could not be written as JSON", e);
    }
  }
}
