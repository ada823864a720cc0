package org.adcs.headend.api.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReportTableTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void jsonAndCsvCarryTheSameValues() {
    ReportTable table = new ReportTable("t", Map.of("from", "2026-03-01"), List.of("day", "count", "share", "met", "note"),
        List.of(Arrays.asList("2026-03-01", 7L, ReportTable.share(OptionalDouble.of(1.0 / 3)), true, "a, \"b\""),
            Arrays.asList("total", 7L, null, null, null)),
        new ReportTable.Page(0, 2, OptionalInt.empty()));
    JsonNode doc = table.toJson(json);
    assertEquals("t", doc.get("report").asText());
    assertEquals("2026-03-01", doc.get("summary").get("from").asText());
    JsonNode first = doc.get("rows").get(0);
    assertEquals(7, first.get("count").asLong());
    assertEquals(new BigDecimal("0.333333"), first.get("share").decimalValue());
    assertEquals(true, first.get("met").asBoolean());
    assertEquals("a, \"b\"", first.get("note").asText());
    assertEquals(true, doc.get("rows").get(1).get("share").isNull());
    assertEquals(true, doc.get("page").get("next").isNull());
    assertEquals("day,count,share,met,note\r\n2026-03-01,7,0.333333,true,\"a, \"\"b\"\"\"\r\ntotal,7,,,\r\n", table.toCsv());
  }

  @Test
  void sharesAreRoundedToSixPlacesAndNoneIsNull() {
    assertEquals(new BigDecimal("0.9999"), ReportTable.share(OptionalDouble.of(0.9999)));
    assertEquals(new BigDecimal("1"), ReportTable.share(OptionalDouble.of(1.0)));
    assertEquals("0.000001", ReportTable.share(OptionalDouble.of(0.0000012)).toPlainString());
    assertNull(ReportTable.share(OptionalDouble.empty()));
  }

  @Test
  void aRowMustHaveOneValuePerColumn() {
    assertThrows(IllegalArgumentException.class, () -> new ReportTable("t", Map.of(), List.of("a", "b"),
        List.of(List.of("only one")), null));
  }
}
