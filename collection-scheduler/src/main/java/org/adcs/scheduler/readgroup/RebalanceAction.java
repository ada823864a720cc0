package org.adcs.scheduler.readgroup;

import java.time.Instant;
import java.time.LocalTime;

/** One meter moved by a rebalancing review, with the meter's answer (R-SCH-4: every action recorded). */
public record RebalanceAction(String meterId, int fromGroup, int toGroup, LocalTime newReadTime, Status status, Instant at) {

  public enum Status {
    ACKNOWLEDGED,
    NOT_ACKNOWLEDGED
  }
}
