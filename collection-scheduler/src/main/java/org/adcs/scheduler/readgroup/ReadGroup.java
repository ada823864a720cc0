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
   * The default read time of a meter in this group: spread by the meter id's hash so that the group's
   * meters do not all send in the same second, over the slot but its last {@code margin}, which is left
   * for the pushes to arrive in. A slot shorter than twice the margin (the window's last one may be)
   * keeps its first half for read times.
   */
  public LocalTime readTimeFor(String meterId, Duration margin) {
    long slotSeconds = Duration.between(start, end).toSeconds();
    long spread = Math.max(slotSeconds - margin.toSeconds(), Math.max(1, slotSeconds / 2));
    return start.plusSeconds(Math.floorMod(meterId.hashCode() * 0x9E3779B1L, spread));
  }

  public boolean contains(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }
}
