package org.adcs.mdm.bridge;

import java.time.ZoneOffset;
import org.adcs.mdm.metrics.BridgeMetrics;
import org.adcs.mdm.reading.IntervalDay;

/**
 * Posts only days that had ended when they were read (R-OD-1): an on-demand read or a field dump of
 * the current day delivers the intervals since midnight, and VEE would take the rest of the day for
 * gaps, flag them and even estimate usage that has not happened. Such a day is kept raw with its
 * source; the delivery that brings the whole day later (the night's push, a recovery read, a later
 * dump) merges with it and is validated then. Nothing is queued: the later delivery does the posting.
 *
 * <p>A day ends at the next midnight of the meters' standard time (R-COL-6), the end of its last
 * interval; it counts as ended when that instant is at or before the read.
 */
public final class EndedDays implements PostingGate {

  private final ZoneOffset standardTime;

  /** @param standardTime the meters' standard time, in which delivered days are kept */
  public EndedDays(ZoneOffset standardTime) {
    this.standardTime = java.util.Objects.requireNonNull(standardTime, "standardTime");
  }

  @Override
  public boolean admit(IntervalDay day, CollectedReadings delivery) {
    if (ended(day)) {
      return true;
    }
    BridgeMetrics.DAYS_NOT_ENDED.inc();
    return false;
  }

  /** @return whether the day's last interval had ended when the day was read */
  public boolean ended(IntervalDay day) {
    return !day.day().plusDays(1).atStartOfDay().toInstant(standardTime).isAfter(day.readAt());
  }
}
