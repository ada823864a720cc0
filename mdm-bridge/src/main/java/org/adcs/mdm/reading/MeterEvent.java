package org.adcs.mdm.reading;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A non-usage message from a meter (R-EV-1): what happened, by the meter's own clock, with its code.
 *
 * @param sequence the meter's own event counter, or the head-end's, unique per meter: with the meter
 *                 it identifies the event, so a re-delivered event is stored once
 */
public record MeterEvent(
    MeterId meter, MeterEventType type, int code, LocalDateTime occurredAt, long sequence, ReadingSource source,
    Instant receivedAt) {

  public MeterEvent {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (sequence < 0) {
      throw new IllegalArgumentException("event sequence must not be negative");
    }
  }
}
