package org.adcs.mdm.bridge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterEvent;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.RegisterRead;

/**
 * What one read of one meter delivered (a nightly push, an on-demand or recovery read, a field
 * download), as the bridge receives it from the head-end's journal.
 *
 * @param revision the meter's journal sequence number of this delivery: unique and rising per meter,
 *                 it orders deliveries and versions the stored data
 * @param postedAt the journal event's timestamp, recorded as the posting time (R-VEE-3)
 */
public record CollectedReadings(
    MeterId meter, long revision, Instant postedAt, List<IntervalDay> days, List<RegisterRead> registers,
    List<MeterEvent> events) {

  public CollectedReadings {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(postedAt, "postedAt");
    days = List.copyOf(days);
    registers = List.copyOf(registers);
    events = List.copyOf(events);
    for (IntervalDay day : days) {
      if (!day.meter().equals(meter) || day.revision() != revision) {
        throw new IllegalArgumentException("interval day " + day + " does not belong to delivery " + meter + "/" + revision);
      }
    }
    for (RegisterRead read : registers) {
      if (!read.meter().equals(meter) || read.revision() != revision) {
        throw new IllegalArgumentException("register read " + read + " does not belong to delivery " + meter + "/" + revision);
      }
    }
    for (MeterEvent event : events) {
      if (!event.meter().equals(meter)) {
        throw new IllegalArgumentException("event " + event + " does not belong to meter " + meter);
      }
    }
  }
}
