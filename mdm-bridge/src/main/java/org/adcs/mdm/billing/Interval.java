package org.adcs.mdm.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** One billable interval [start, start + minutes) with its validated value in the channel's unit. */
record Interval(Instant start, int minutes, BigDecimal value) {

  Instant end() {
    return start.plusSeconds(minutes * 60L);
  }
}
