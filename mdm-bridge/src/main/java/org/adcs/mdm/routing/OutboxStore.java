package org.adcs.mdm.routing;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/**
 * The per-subscription outbox and cursors. An entry is written with a write timestamp taken from
 * the event, and "delivered" with the current time, so routing the same event again (a replayed
 * projection) never resets a delivery that has happened.
 */
public final class OutboxStore {

  private final BoundedSession db;
  private final PreparedStatement insert;
  private final PreparedStatement after;
  private final PreparedStatement fromStart;
  private final PreparedStatement delivered;
  private final PreparedStatement failed;
  private final PreparedStatement saveCursor;
  private final PreparedStatement loadCursor;

  public OutboxStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String t = keyspace + ".outbox";
    insert = s.prepare("INSERT INTO " + t + " (subscription_id, day, received_at, meter_id, item, kind, payload,"
        + " delivered, attempts) VALUES (?,?,?,?,?,?,?,false,0) USING TIMESTAMP ?");
    after = s.prepare("SELECT * FROM " + t + " WHERE subscription_id = ? AND day = ?"
        + " AND (received_at, meter_id, item) > (?, ?, ?) LIMIT ?");
    fromStart = s.prepare("SELECT * FROM " + t + " WHERE subscription_id = ? AND day = ? LIMIT ?");
    delivered = s.prepare("UPDATE " + t + " SET delivered = true, attempts = ? WHERE subscription_id = ? AND day = ?"
        + " AND received_at = ? AND meter_id = ? AND item = ?");
    failed = s.prepare("UPDATE " + t + " SET attempts = ?, last_error = ? WHERE subscription_id = ? AND day = ?"
        + " AND received_at = ? AND meter_id = ? AND item = ?");
    saveCursor = s.prepare("INSERT INTO " + keyspace + ".subscription_cursor (subscription_id, day, received_at, meter_id,"
        + " item) VALUES (?,?,?,?,?)");
    loadCursor = s.prepare("SELECT * FROM " + keyspace + ".subscription_cursor WHERE subscription_id = ?");
  }

  public CompletionStage<Void> add(OutboxEntry entry) {
    long micros = entry.receivedAt().getEpochSecond() * 1_000_000L + entry.receivedAt().getNano() / 1_000;
    return db.executeAsync(insert.bind(entry.subscription(), entry.day(), entry.receivedAt(), entry.meterId(),
        entry.item(), entry.kind().name(), entry.payload(), micros).setIdempotent(true)).thenApply(rs -> null);
  }

  /** Up to {@code limit} entries of one day after {@code position} (from the day's start when empty). */
  public CompletionStage<List<OutboxEntry>> next(UUID subscription, LocalDate day, Optional<OutboxEntry.Position> position,
      int limit) {
    var statement = position.filter(p -> p.day().equals(day))
        .map(p -> after.bind(subscription, day, p.receivedAt(), p.meterId(), p.item(), limit))
        .orElseGet(() -> fromStart.bind(subscription, day, limit));
    return db.executeAsync(statement).thenApply(rs -> {
      List<OutboxEntry> entries = new ArrayList<>();
      for (Row row : rs.currentPage()) {
        entries.add(new OutboxEntry(subscription, row.getInstant("received_at"), row.getString("meter_id"),
            row.getString("item"), OutboxEntry.Kind.valueOf(row.getString("kind")), row.getString("payload"),
            row.getBoolean("delivered"), row.getInt("attempts")));
      }
      return entries;
    });
  }

  public CompletionStage<Void> markDelivered(OutboxEntry entry, int attempts) {
    return db.executeAsync(delivered.bind(attempts, entry.subscription(), entry.day(), entry.receivedAt(),
        entry.meterId(), entry.item()).setIdempotent(true)).thenApply(rs -> null);
  }

  public CompletionStage<Void> markFailed(OutboxEntry entry, int attempts, String error) {
    String shortError = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
    return db.executeAsync(failed.bind(attempts, shortError, entry.subscription(), entry.day(), entry.receivedAt(),
        entry.meterId(), entry.item()).setIdempotent(true)).thenApply(rs -> null);
  }

  public CompletionStage<Void> saveCursor(UUID subscription, OutboxEntry.Position position) {
    return db.executeAsync(saveCursor.bind(subscription, position.day(), position.receivedAt(), position.meterId(),
        position.item()).setIdempotent(true)).thenApply(rs -> null);
  }

  public CompletionStage<Optional<OutboxEntry.Position>> cursor(UUID subscription) {
    return db.executeAsync(loadCursor.bind(subscription)).thenApply(rs -> Optional.ofNullable(rs.one())
        .map(row -> new OutboxEntry.Position(row.getLocalDate("day"), row.getInstant("received_at"),
            row.getString("meter_id"), row.getString("item"))));
  }

}
