package org.adcs.mdm.vee;

import java.util.BitSet;
import java.util.Optional;
import org.adcs.mdm.reading.IntervalDay;

/**
 * Combines a new delivery of a day (a recovery of a missing range, a re-send, a field download)
 * with what was stored before: intervals the new delivery carries win; the others keep their
 * earlier actual values.
 */
public final class RawDayMerge {

  private RawDayMerge() {}

  public static IntervalDay merge(Optional<IntervalDay> stored, IntervalDay delivered) {
    if (stored.isEmpty() || stored.get().intervalMinutes() != delivered.intervalMinutes()
        || stored.get().scale() != delivered.scale()) {
      return delivered;
    }
    IntervalDay before = stored.get();
    long[] values = delivered.values();
    int[] flags = delivered.meterFlags();
    BitSet present = delivered.present();
    for (int i = 0; i < values.length; i++) {
      if (!present.get(i) && before.isPresent(i)) {
        values[i] = before.value(i);
        flags[i] = before.meterFlags(i);
        present.set(i);
      }
    }
    return new IntervalDay(delivered.meter(), delivered.channel(), delivered.day(), delivered.intervalMinutes(),
        delivered.scale(), values, present, flags, delivered.source(), delivered.readAt(), delivered.revision());
  }
}
