package org.adcs.mdm.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.adcs.mdm.reading.MeterEvent;
import org.adcs.mdm.reading.MeterEventType;

/** One event waiting for (or done with) delivery to one subscription. */
public record OutboxEntry(
    UUID subscription, Instant receivedAt, String meterId, long sequence, MeterEventType type, int code,
    LocalDateTime occurredAt, String source, boolean delivered, int attempts) {

  public static OutboxEntry of(UUID subscription, MeterEvent event) {
    return new OutboxEntry(subscription, event.receivedAt(), event.meter().value(), event.sequence(), event.type(),
        event.code(), event.occurredAt(), event.source().name(), false, 0);
  }

  /** The outbox partition: the UTC day the event was received. */
  public LocalDate day() {
    return LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
  }

  public Position position() {
    return new Position(day(), receivedAt, meterId, sequence);
  }

  /** A place in a subscription's outbox, in delivery order. */
  public record Position(LocalDate day, Instant receivedAt, String meterId, long sequence) {}
}
