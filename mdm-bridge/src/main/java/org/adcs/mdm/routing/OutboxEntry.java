package org.adcs.mdm.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One notification waiting for (or done with) delivery to one subscription: a meter event or a
 * validated reading, as the JSON document the subscriber will get.
 *
 * @param item    what it is about, unique per meter, e.g. {@code event:1042} or
 *                {@code reading:active-import:2026-11-01:v7}; with the meter it is the subscriber's
 *                de-duplication key
 * @param payload the notification as a JSON object
 */
public record OutboxEntry(UUID subscription, Instant receivedAt, String meterId, String item, Kind kind,
    String payload, boolean delivered, int attempts) {

  public enum Kind { EVENT, READING }

  /**
   * The receipt time as the outbox keeps it, to the millisecond: a position compared with one read
   * back must be the stored one (an entry a microsecond after the cursor could sort before it there).
   */
  public OutboxEntry {
    receivedAt = receivedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The outbox partition: the UTC day the notification was queued for. */
  public LocalDate day() {
    return LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
  }

  public String key() {
    return meterId + ":" + item;
  }

  public Position position() {
    return new Position(day(), receivedAt, meterId, item);
  }

  /** A place in a subscription's outbox, in delivery order. */
  public record Position(LocalDate day, Instant receivedAt, String meterId, String item) {}
}
