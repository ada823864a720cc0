package org.adcs.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputTest {

  @Test
  void aTableAlignsItsColumnsOnTheWidestCellAndShowsMissingValuesAsADash() {
    String table = new Table("meter", "read group").row("MTR-1", 7).row("MTR-100000", null).render();
    assertEquals("""
        meter       read group
        ----------  ----------
        MTR-1       7
        MTR-100000  -
        """, table);
  }

  @Test
  void aRowOfTheWrongWidthIsAProgrammingErrorNotAShiftedTable() {
    assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("only one"));
  }

  @Test
  void theProgressBarFillsWithTheShareOfMetersFinishedFailedIncluded() {
    String half = ProgressBar.line("RUNNING", 4_000, 1_000, 10_000, 1_234.4, "2026-11-23T05:10:00Z");
    assertTrue(half.startsWith("[" + "#".repeat(15) + ".".repeat(15) + "]  50%"), half);
    assertTrue(half.contains("4,000/10,000 done, 1,000 failed, 1,234 reads/min, ends ~2026-11-23T05:10:00Z"), half);
    String unknown = ProgressBar.line("RUNNING (still finding meters)", 0, 0, 0, 0, null);
    assertTrue(unknown.contains("0/? done") && unknown.contains("end not estimated yet"), unknown);
    assertTrue(ProgressBar.line("COMPLETED", 10, 0, 10, 60, null).startsWith("[" + "#".repeat(30) + "] 100%"));
  }
}
