package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Register and interval values reach API clients in plain digits whatever the meter's scaler. */
class MeterReadValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String written(BigDecimal value) {
    return JSON.createObjectNode().set("value", MeterReadRoutes.plain(value)).toString();
  }

  @Test
  void aPositiveScalerIsWrittenInPlainDigits() {
    assertEquals("{\"value\":50}", written(BigDecimal.valueOf(5, -1)));
    assertEquals("{\"value\":12000}", written(BigDecimal.valueOf(12, -3)));
  }

  @Test
  void fractionsAndWholeNumbersKeepTheirDigits() {
    assertEquals("{\"value\":1.234}", written(BigDecimal.valueOf(1234, 3)));
    assertEquals("{\"value\":7}", written(BigDecimal.valueOf(7, 0)));
    assertEquals("{\"value\":120.50}", written(BigDecimal.valueOf(12050, 2)));
  }
}
