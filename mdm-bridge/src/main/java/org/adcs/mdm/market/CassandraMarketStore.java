package org.adcs.mdm.market;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.store.BoundedSession;

/** {@link MarketStore} in Cassandra (tables of {@link MarketSchema}). */
public final class CassandraMarketStore implements MarketStore {

  private final BoundedSession db;
  private final PreparedStatement selectCursor;
  private final PreparedStatement insertCursor;
  private final PreparedStatement insertDelivery;
  private final PreparedStatement selectDeliveries;

  public CassandraMarketStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    selectCursor = s.prepare("SELECT * FROM " + ks + "market_cursors WHERE party = ?");
    insertCursor = s.prepare("INSERT INTO " + ks + "market_cursors (party, last_day, posted_up_to) VALUES (?,?,?)");
    insertDelivery = s.prepare("INSERT INTO " + ks + "market_deliveries (party, day, delivered_at, scheduled_at,"
        + " file_id, file_name, format, channel_days, intervals, estimated_intervals, usage, estimated_usage)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    selectDeliveries = s.prepare("SELECT * FROM " + ks + "market_deliveries WHERE party = ? AND day >= ? AND day <= ?");
  }

  @Override
  public Optional<DeliveryCursor> cursor(String party) {
    Row row = join(db.executeAsync(selectCursor.bind(party))).one();
    return Optional.ofNullable(row).map(r -> new DeliveryCursor(party, r.getLocalDate("last_day"),
        r.getInstant("posted_up_to")));
  }

  @Override
  public void saveCursor(DeliveryCursor cursor) {
    join(db.executeAsync(insertCursor.bind(cursor.party(), cursor.lastDay(), cursor.postedUpTo()).setIdempotent(true)));
  }

  @Override
  public void record(DeliveryRecord d) {
    join(db.executeAsync(insertDelivery.bind(d.party(), d.day(), d.deliveredAt(), d.scheduledAt(), d.fileId(),
        d.fileName(), d.format().wire(), d.channelDays(), d.intervals(), d.estimatedIntervals(), d.usage(),
        d.estimatedUsage()).setIdempotent(true)));
  }

  @Override
  public List<DeliveryRecord> deliveries(String party, LocalDate from, LocalDate to) {
    // A party has one or two rows a day; a report covers at most a few months.
    var rs = join(db.executeAsync(selectDeliveries.bind(party, from, to)));
    List<DeliveryRecord> result = new ArrayList<>();
    for (Row r : rs.currentPage()) {
      result.add(new DeliveryRecord(party, r.getLocalDate("day"), r.getInstant("scheduled_at"),
          r.getInstant("delivered_at"), r.getUuid("file_id"), r.getString("file_name"),
          MarketFormat.ofWire(r.getString("format")).orElseThrow(), r.getInt("channel_days"), r.getLong("intervals"),
          r.getLong("estimated_intervals"), r.getBigDecimal("usage"), r.getBigDecimal("estimated_usage")));
    }
    if (rs.hasMorePages()) {
      throw new IllegalArgumentException("too many deliveries of " + party + " from " + from + " to " + to
          + "; ask for a shorter period");
    }
    return result;
  }

  private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }
}
