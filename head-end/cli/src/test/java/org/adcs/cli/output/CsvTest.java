package org.adcs.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() {
    assertEquals(List.of(List.of("meter", "note"), List.of("MTR-1", "late, \"again\"\nand again"), List.of("MTR-2", "")),
        Csv.parse("meter,note\r\nMTR-1,\"late, \"\"again\"\"\nand again\"\nMTR-2,\n"));
  }

  @Test
  void aReportBecomesAnAlignedTable() {
    assertEquals("""
        day         estimated share
        ----------  ---------------
        2026-11-21  0.0042
        total       0.0042
        """, Csv.table("day,estimated share\n2026-11-21,0.0042\ntotal,0.0042\n").render());
  }
}
