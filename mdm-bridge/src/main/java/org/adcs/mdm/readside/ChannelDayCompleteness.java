package org.adcs.mdm.readside;

import java.time.LocalDate;

/** One channel-day of a meter's completeness as the store recorded it (R-COL-3): intervals expected and actually read. */
public record ChannelDayCompleteness(LocalDate day, String channel, int expected, int actual) {

  public boolean complete() {
    return actual >= expected;
  }
}
