package org.adcs.headend.meter;

import java.util.Arrays;
import java.util.List;
import org.adcs.headend.serialization.CborSerializable;

/**
 * The meter's most recent logged events, by sequence (time and code), so a repeated event is told
 * apart from a new one whatever order pushes and reads bring them in: a push stored late, or events
 * stamped earlier than ones already held after the meter's clock was set back (R-EV-1, R-COL-1).
 * Bounded: an event older than all {@link #CAPACITY} held is taken as already received.
 *
 * @param sequences ascending, at most {@link #CAPACITY}
 */
public record RecentEvents(long[] sequences) implements CborSerializable {

  public static final int CAPACITY = 256;
  public static final RecentEvents NONE = new RecentEvents(new long[0]);

  public RecentEvents {
    sequences = sequences == null ? new long[0] : sequences.clone();
  }

  /** Whether the event is one this meter has not delivered before. */
  public boolean isNew(long sequence) {
    if (Arrays.binarySearch(sequences, sequence) >= 0) {
      return false;
    }
    return sequences.length < CAPACITY || sequence > sequences[0];
  }

  public List<MeterModel.LoggedEvent> newOnes(List<MeterModel.LoggedEvent> events) {
    return events.stream().filter(e -> isNew(e.sequence())).toList();
  }

  /** These events held as well; the oldest drop out beyond the capacity. */
  public RecentEvents with(List<MeterModel.LoggedEvent> events) {
    long[] merged = Arrays.copyOf(sequences, sequences.length + events.size());
    for (int i = 0; i < events.size(); i++) {
      merged[sequences.length + i] = events.get(i).sequence();
    }
    long[] distinct = Arrays.stream(merged).sorted().distinct().toArray();
    return new RecentEvents(distinct.length <= CAPACITY ? distinct
        : Arrays.copyOfRange(distinct, distinct.length - CAPACITY, distinct.length));
  }

  /** The newest event's sequence, -1 before the first. */
  public long newest() {
    return sequences.length == 0 ? -1 : sequences[sequences.length - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecentEvents other && Arrays.equals(sequences, other.sequences);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sequences);
  }

  @Override
  public String toString() {
    return "RecentEvents[" + sequences.length + " held, newest " + newest() + "]";
  }
}
