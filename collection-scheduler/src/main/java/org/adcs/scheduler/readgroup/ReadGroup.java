package org.adcs.scheduler.readgroup;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A 20-minute slot of the collection window (R-SCH-2), numbered from the window's start. Times are
 * local standard time.
 */
public record ReadGroup(int index, LocalTime start, LocalTime end) {

  public ReadGroup {
    if (index < 0) {
      throw new IllegalArgumentException("read group index must not be negative, was " + index);
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("read group " + index + " must start before it ends: " + start + ".." + end);
    }
  }

  /**
   * The default read time of a meter in this group: spread over the slot by the meter id's hash so
   * that the group's meters do not all send in the same second.
   */
  public LocalTime readTimeFor(String meterId) {
    long slotSeconds = Duration.between(start, end).toSeconds();
    return start.plusSeconds(Math.floorMod(meterId.hashCode() * 0x9E3779B1L, slotSeconds));
  }

  public boolean contains(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }
}
