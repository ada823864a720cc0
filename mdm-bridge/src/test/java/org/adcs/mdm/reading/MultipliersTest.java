package org.adcs.mdm.reading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MultipliersTest {

  @Test
  void pulsesTimesPulseAndMeterMultiplierGiveEngineeringValues_R_COL_2() {
    // 0.5 Wh per pulse behind a 40:1 current transformer.
    long[] wh = Multipliers.apply(new long[] {0, 3, 250}, new BigDecimal("0.5"), new BigDecimal("40"), 0);
    assertArrayEquals(new long[] {0, 60, 5000}, wh);
  }

  @Test
  void finerScaleKeepsFractionsExact() {
    long[] mWh = Multipliers.apply(new long[] {3}, new BigDecimal("0.125"), BigDecimal.ONE, -3);
    assertArrayEquals(new long[] {375}, mWh);
  }

  @Test
  void inexactResultIsRefusedNotRounded() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Multipliers.apply(new long[] {3}, new BigDecimal("0.125"), BigDecimal.ONE, 0));
    assertTrue(e.getMessage().contains("finer scale"), e.getMessage());
  }

  @Test
  void nonPositiveMultiplierIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Multipliers.apply(new long[] {1}, BigDecimal.ZERO, BigDecimal.ONE, 0));
  }
}
