package org.adcs.mdm.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One channel-day of one meter as the completeness table holds it: intervals expected, read, and
 * estimated by VEE, and how many had been read by each timeliness deadline ({@code readBy[k]} for
 * {@link Arrival#DEADLINE_DAYS}{@code [k]}; 0 when nothing had arrived by then).
 */
public record DeliveryRow(LocalDate day, String meterId, String channel, int expected, int actual, int estimated, int[] readBy) {

  public DeliveryRow {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(meterId, "meterId");
    if (readBy.length != Arrival.DEADLINE_DAYS.size()) {
      throw new IllegalArgumentException("one count per deadline, found " + readBy.length);
    }
    readBy = readBy.clone();
  }

  public int readBy(int deadline) {
    return readBy[deadline];
  }
}
