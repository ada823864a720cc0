package org.adcs.mdm.routing;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.adcs.mdm.reading.MeterEvent;
import org.adcs.mdm.store.BoundedSession;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * The rows a {@link Feed} writes for a notification (the entry and its key), written blind through
 * the driver: the benchmark's baseline for the feed's share of posting, without the key look-up.
 */
public final class FeedRows {

  private final BoundedSession db;
  private final PreparedStatement insert;
  private final PreparedStatement insertKey;
  private final AtomicLong lastMicros = new AtomicLong();

  public FeedRows(BoundedSession db, String keyspace) {
    this.db = db;
    insert = db.session().prepare("INSERT INTO " + keyspace + ".feed (feed, hour, position, meter_id, item, kind,"
        + " payload) VALUES (?,?,?,?,?,?,?)");
    insertKey = db.session().prepare("INSERT INTO " + keyspace + ".feed_keys (feed, meter_id, item, position)"
        + " VALUES (?,?,?,?)");
  }

  public List<CompletableFuture<?>> event(MeterEvent event) {
    return write(Feed.EVENTS, Notifications.event(new java.util.UUID(0L, 0L), event));
  }

  public List<CompletableFuture<?>> reading(ValidatedDay day) {
    return write(Feed.READINGS, Notifications.reading(new java.util.UUID(0L, 0L), day));
  }

  private List<CompletableFuture<?>> write(String feed, OutboxEntry n) {
    long now = Feed.micros(Instant.now());
    long micros = lastMicros.updateAndGet(last -> Math.max(now, last + 1));
    Instant hour = Instant.ofEpochMilli(Math.floorDiv(micros, 3_600_000_000L) * 3_600_000L);
    return List.of(
        db.executeAsync(insert.bind(feed, hour, micros, n.meterId(), n.item(), n.kind().name(), n.payload()))
            .toCompletableFuture(),
        db.executeAsync(insertKey.bind(feed, n.meterId(), n.item(), micros)).toCompletableFuture());
  }
}
