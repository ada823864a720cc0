package org.adcs.mdm.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Every routed meter event in order of receipt, kept for a week, for server-sent-event streams
 * (R-EV-2): the router writes each event into the outbox under the fixed id {@link #ID}, so a stream
 * reads it by position and a reconnecting client resumes from its last position (its Last-Event-ID).
 *
 * <p>Projection slices post concurrently, so an event can be written a moment after a later one. A
 * reader either waits for entries to settle ({@code settle}: only entries received at least that
 * long ago are returned) or, as the head-end's stream does, re-reads a window behind its position.
 */
public final class EventFeed {

  /** The feed's pseudo-subscription; no webhook deliverer ever runs for it. */
  public static final UUID ID = new UUID(0L, 0xFEEDL);
  public static final Duration RETENTION = Duration.ofDays(7);

  private final OutboxStore outbox;
  private final Clock clock;
  private final Duration settle;

  public EventFeed(OutboxStore outbox, Clock clock, Duration settle) {
    if (settle.isNegative()) {
      throw new IllegalArgumentException("settle time must not be negative");
    }
    this.outbox = outbox;
    this.clock = clock;
    this.settle = settle;
  }

  /** Entries after {@code position} that have settled, and where to read next. */
  public record Page(List<OutboxEntry> entries, OutboxEntry.Position next) {}

  /** A position before every entry received at {@code at} or later. */
  public static OutboxEntry.Position before(Instant at) {
    return new OutboxEntry.Position(LocalDate.ofInstant(at, ZoneOffset.UTC), at, "", "");
  }

  /** The position a new client without a Last-Event-ID starts from: the settled present. */
  public OutboxEntry.Position now() {
    return before(settledUntil());
  }

  /** The oldest position still kept. */
  public OutboxEntry.Position oldest() {
    return before(clock.instant().minus(RETENTION));
  }

  /** Up to {@code limit} settled entries after {@code position}, reading on over empty days until today. */
  public CompletionStage<Page> after(OutboxEntry.Position position, int limit) {
    return read(position, limit, settledUntil());
  }

  private CompletionStage<Page> read(OutboxEntry.Position position, int limit, Instant settled) {
    // Async: reading on into the next day goes through the bounded session, which may block for a free
    // slot, and must not do so on the driver's I/O thread that completed this read.
    return outbox.next(ID, position.day(), Optional.of(position), limit).thenComposeAsync(entries -> {
      List<OutboxEntry> ready = new ArrayList<>();
      for (OutboxEntry entry : entries) {
        if (entry.receivedAt().isAfter(settled)) {
          break; // not settled: a slower slice may still write before it
        }
        ready.add(entry);
      }
      if (!ready.isEmpty()) {
        return CompletableFuture.completedFuture(new Page(ready, ready.get(ready.size() - 1).position()));
      }
      LocalDate settledDay = LocalDate.ofInstant(settled, ZoneOffset.UTC);
      if (entries.isEmpty() && position.day().isBefore(settledDay)) {
        return read(before(position.day().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)), limit, settled);
      }
      return CompletableFuture.completedFuture(new Page(List.of(), position));
    });
  }

  private Instant settledUntil() {
    return clock.instant().minus(settle);
  }
}
