package org.adcs.mdm.routing;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.adcs.mdm.reading.MeterEventType;
import org.adcs.mdm.store.BoundedSession;

/** Subscriptions, kept durably in the store (the API configures them). */
public final class SubscriptionStore {

  private final BoundedSession db;
  private final PreparedStatement insert;
  private final PreparedStatement deactivate;
  private final PreparedStatement all;
  private final PreparedStatement one;

  public SubscriptionStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    insert = s.prepare("INSERT INTO " + keyspace + ".subscriptions (id, name, event_types, reading_feed, webhook, active,"
        + " created_at) VALUES (?,?,?,?,?,?,?)");
    deactivate = s.prepare("UPDATE " + keyspace + ".subscriptions SET active = false WHERE id = ?");
    all = s.prepare("SELECT * FROM " + keyspace + ".subscriptions");
    one = s.prepare("SELECT * FROM " + keyspace + ".subscriptions WHERE id = ?");
  }

  public CompletionStage<Subscription> save(Subscription subscription) {
    Set<String> types = subscription.eventTypes().stream().map(Enum::name).collect(Collectors.toSet());
    return db.executeAsync(insert.bind(subscription.id(), subscription.name(), types, subscription.readingFeed(),
        subscription.webhook().toString(),
        subscription.active(), subscription.createdAt()).setIdempotent(true)).thenApply(rs -> subscription);
  }

  public CompletionStage<Void> deactivate(UUID id) {
    return db.executeAsync(deactivate.bind(id).setIdempotent(true)).thenApply(rs -> null);
  }

  /** Every subscription; the table holds one row per downstream system, so it stays small. */
  public CompletionStage<List<Subscription>> all() {
    return db.executeAsync(all.bind()).thenApply(rs -> {
      List<Subscription> result = new ArrayList<>();
      for (Row row : rs.currentPage()) {
        result.add(subscription(row));
      }
      return result;
    });
  }

  /** One subscription, deleted (inactive) ones included. */
  public CompletionStage<Optional<Subscription>> find(UUID id) {
    return db.executeAsync(one.bind(id)).thenApply(rs -> Optional.ofNullable(rs.one()).map(SubscriptionStore::subscription));
  }

  private static Subscription subscription(Row row) {
    EnumSet<MeterEventType> types = EnumSet.noneOf(MeterEventType.class);
    row.getSet("event_types", String.class).forEach(t -> types.add(MeterEventType.valueOf(t)));
    return new Subscription(row.getUuid("id"), row.getString("name"), types, row.getBoolean("reading_feed"),
        URI.create(row.getString("webhook")), row.getBoolean("active"), row.getInstant("created_at"));
  }
}
