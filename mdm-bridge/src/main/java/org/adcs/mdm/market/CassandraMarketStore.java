package org.adcs.mdm.market;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.adcs.mdm.specialread.Resend;
import org.adcs.mdm.store.BoundedSession;

/** {@link MarketStore} in Cassandra (tables of {@link MarketSchema}). */
public final class CassandraMarketStore implements MarketStore {

  private final BoundedSession db;
  private final PreparedStatement selectCursor;
  private final PreparedStatement insertCursor;
  private final PreparedStatement insertDelivery;
  private final PreparedStatement selectDeliveries;
  private final PreparedStatement insertPosting;
  private final PreparedStatement selectPostings;
  private final PreparedStatement insertResend;
  private final PreparedStatement selectResend;

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
    insertPosting = s.prepare("INSERT INTO " + ks + "market_postings (party, posted_on, transaction, sdp_id, file_name,"
        + " period_from, period_to) VALUES (?,?,?,?,?,?,?)");
    selectPostings = s.prepare("SELECT * FROM " + ks + "market_postings WHERE party = ? AND posted_on = ?");
    insertResend = s.prepare("INSERT INTO " + ks + "market_resends (id, party, requested_by, kind, key, created_at,"
        + " file_id, file_name, transaction, format, channel_days, period_sdps, period_froms, period_tos, refusal)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    selectResend = s.prepare("SELECT * FROM " + ks + "market_resends WHERE id = ?");
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

  @Override
  public void recordPostings(String party, List<Resend.Posting> postings) {
    List<java.util.concurrent.CompletableFuture<AsyncResultSet>> writes = new ArrayList<>();
    for (Resend.Posting p : postings) {
      writes.add(db.executeAsync(insertPosting.bind(party, p.postingDate(), p.transaction(), p.sdpId(), p.fileName(),
          p.from(), p.to()).setIdempotent(true)).toCompletableFuture());
    }
    writes.forEach(java.util.concurrent.CompletableFuture::join);
  }

  @Override
  public List<Resend.Posting> postings(String party, LocalDate postingDate) {
    List<Resend.Posting> result = new ArrayList<>();
    AsyncResultSet rs = join(db.executeAsync(selectPostings.bind(party, postingDate)));
    while (true) {
      for (Row r : rs.currentPage()) {
        result.add(new Resend.Posting(r.getString("sdp_id"), r.getString("file_name"), r.getString("transaction"),
            postingDate, r.getLocalDate("period_from"), r.getLocalDate("period_to")));
      }
      if (result.size() > MAX_POSTINGS_A_DAY) {
        throw new IllegalArgumentException("more than " + MAX_POSTINGS_A_DAY + " postings of " + party + " on "
            + postingDate);
      }
      if (!rs.hasMorePages()) {
        return result;
      }
      rs = join(rs.fetchNextPage());
    }
  }

  @Override
  public void saveResend(ResendRecord r) {
    var d = r.delivered();
    List<String> sdps = d.map(x -> x.periods().stream().map(ResendRecord.Covered::servicePoint).toList())
        .orElse(List.of());
    List<LocalDate> froms = d.map(x -> x.periods().stream().map(c -> c.period().from()).toList()).orElse(List.of());
    List<LocalDate> tos = d.map(x -> x.periods().stream().map(c -> c.period().to()).toList()).orElse(List.of());
    join(db.executeAsync(insertResend.bind(r.id(), r.party(), r.requestedBy(), r.kind(), r.key(), r.createdAt(),
        d.map(ResendRecord.Delivered::fileId).orElse(null), d.map(ResendRecord.Delivered::fileName).orElse(null),
        d.map(ResendRecord.Delivered::transaction).orElse(null), d.map(x -> x.format().wire()).orElse(null),
        d.map(ResendRecord.Delivered::channelDays).orElse(0), sdps, froms, tos, r.refusal().orElse(null))
        .setIdempotent(true)));
  }

  @Override
  public Optional<ResendRecord> resend(UUID id) {
    Row r = join(db.executeAsync(selectResend.bind(id))).one();
    if (r == null) {
      return Optional.empty();
    }
    Optional<ResendRecord.Delivered> delivered = Optional.empty();
    if (r.getUuid("file_id") != null) {
      List<String> sdps = r.getList("period_sdps", String.class);
      List<LocalDate> froms = r.getList("period_froms", LocalDate.class);
      List<LocalDate> tos = r.getList("period_tos", LocalDate.class);
      List<ResendRecord.Covered> covered = new ArrayList<>();
      for (int i = 0; i < sdps.size(); i++) {
        covered.add(new ResendRecord.Covered(sdps.get(i), new Resend.BillingPeriod(froms.get(i), tos.get(i))));
      }
      delivered = Optional.of(new ResendRecord.Delivered(r.getUuid("file_id"), r.getString("file_name"),
          r.getString("transaction"), MarketFormat.ofWire(r.getString("format")).orElseThrow(),
          r.getInt("channel_days"), covered));
    }
    return Optional.of(new ResendRecord(id, r.getString("party"), r.getString("requested_by"), r.getString("kind"),
        r.getString("key"), r.getInstant("created_at"), delivered, Optional.ofNullable(r.getString("refusal"))));
  }

  private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }
}
