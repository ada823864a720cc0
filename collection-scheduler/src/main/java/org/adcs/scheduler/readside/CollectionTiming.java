package org.adcs.scheduler.readside;

import java.time.LocalDate;

/** How one meter's scheduled collection of one day went, against its read group's slot (R-SCH-4). */
public record CollectionTiming(String meterId, LocalDate day, int group, Punctuality punctuality) {

  public enum Punctuality {
    /** Collected within the read group's 20-minute slot. */
    ON_TIME,
    /** Collected after the slot ended. */
    LATE,
    /** Not collected by schedule at all. */
    MISSED
  }
}
