package org.adcs.mdm.specialread;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/**
 * Special reads by service point in read-time order, and the record of every repost (R-MD-2,
 * R-VEE-3): what changed, with which reason, and the adjusted opening read. Kept as long as the
 * interval data.
 */
public final class SpecialReadStore {

  private final BoundedSession db;
  private final PreparedStatement insertRead;
  private final PreparedStatement selectReads;
  private final PreparedStatement insertRepost;
  private final PreparedStatement selectReposts;

  public SpecialReadStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    insertRead = s.prepare("INSERT INTO " + ks + "special_reads (sdp_id, read_at, id, kind, meter, registers,"
        + " installed_meter, installed_registers, new_value, posted_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
    selectReads = s.prepare("SELECT * FROM " + ks + "special_reads WHERE sdp_id = ? AND read_at >= ? AND read_at < ?"
        + " LIMIT ?");
    insertRepost = s.prepare("INSERT INTO " + ks + "reposts (sdp_id, id, reason, was_start, was_stop, now_start,"
        + " now_stop, opening_day, opening_value, opening_estimated, reposted_days, withdrawn_days, unestimable_days)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    selectReposts = s.prepare("SELECT * FROM " + ks + "reposts WHERE sdp_id = ? LIMIT ?");
  }

  public static List<String> statements(String keyspace, Duration retention) {
    String ks = keyspace + ".";
    long ttl = retention.toSeconds();
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + ks + "special_reads (sdp_id text, read_at timestamp, id uuid, kind text,"
            + " meter text, registers frozen<map<text, bigint>>, installed_meter text,"
            + " installed_registers frozen<map<text, bigint>>, new_value text, posted_at timestamp,"
            + " PRIMARY KEY ((sdp_id), read_at, id)) WITH default_time_to_live = " + ttl,
        "CREATE TABLE IF NOT EXISTS " + ks + "reposts (sdp_id text, id timeuuid, reason text, was_start date,"
            + " was_stop date, now_start date, now_stop date, opening_day date, opening_value bigint,"
            + " opening_estimated boolean, reposted_days frozen<list<date>>, withdrawn_days frozen<list<date>>,"
            + " unestimable_days frozen<list<date>>, PRIMARY KEY ((sdp_id), id)) WITH CLUSTERING ORDER BY (id DESC)"
            + " AND default_time_to_live = " + ttl);
  }

  public static void create(CqlSession session, String keyspace, Duration retention) {
    for (String cql : statements(keyspace, retention)) {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    }
  }

  public CompletionStage<SpecialRead> save(SpecialRead read) {
    return db.executeAsync(insertRead.bind(read.sdpId(), read.readAt(), read.id(), read.kind().wireName(),
        read.reads().meter(), read.reads().registers(), read.installed().map(MeterReads::meter).orElse(null),
        read.installed().map(MeterReads::registers).orElse(null), read.newValue().orElse(null), read.postedAt())
        .setIdempotent(true)).thenApply(rs -> read);
  }

  /** The point's special reads with read times in [from, to), oldest first, at most {@code limit}. */
  public CompletionStage<List<SpecialRead>> reads(String sdpId, Instant from, Instant to, int limit) {
    return db.executeAsync(selectReads.bind(sdpId, from, to, limit)).thenApply(rs -> {
      List<SpecialRead> reads = new ArrayList<>();
      for (Row row : rs.currentPage()) {
        reads.add(read(row));
      }
      return reads;
    });
  }

  /** A repost just made; its id is time-based, so the point's reposts list newest first. */
  public CompletionStage<RepostRecord> saveRepost(String sdpId, ServiceDates was, ServiceDates now,
      AdjustmentReason reason, Repost.Plan plan) {
    RepostRecord record = new RepostRecord(sdpId, Uuids.timeBased(), reason, was, now, plan.opening(),
        plan.reposted().stream().map(d -> d.day()).toList(), plan.withdrawn(), plan.unestimable());
    return db.executeAsync(insertRepost.bind(sdpId, record.id(), reason.wireName(), was.start(),
        was.stop().orElse(null), now.start(), now.stop().orElse(null), plan.opening().map(Repost.OpeningRead::day).orElse(null),
        plan.opening().map(Repost.OpeningRead::value).orElse(null),
        plan.opening().map(Repost.OpeningRead::estimated).orElse(null), record.reposted(), record.withdrawn(), record.unestimable()).setIdempotent(true))
        .thenApply(rs -> record);
  }

  public CompletionStage<List<RepostRecord>> reposts(String sdpId, int limit) {
    return db.executeAsync(selectReposts.bind(sdpId, limit)).thenApply(rs -> {
      List<RepostRecord> records = new ArrayList<>();
      for (Row row : rs.currentPage()) {
        AdjustmentReason reason = AdjustmentReason.fromWire(row.getString("reason")).orElseThrow();
        ServiceDates now = new ServiceDates(row.getLocalDate("now_start"),
            Optional.ofNullable(row.getLocalDate("now_stop")));
        records.add(new RepostRecord(row.getString("sdp_id"), row.getUuid("id"), reason,
            new ServiceDates(row.getLocalDate("was_start"), Optional.ofNullable(row.getLocalDate("was_stop"))), now,
            Optional.ofNullable(row.getLocalDate("opening_day")).map(day -> new Repost.OpeningRead(day,
                row.getLong("opening_value"), !day.equals(row.getLocalDate("was_start")),
                row.getBoolean("opening_estimated"), reason)),
            row.getList("reposted_days", LocalDate.class), row.getList("withdrawn_days", LocalDate.class),
            row.getList("unestimable_days", LocalDate.class)));
      }
      return records;
    });
  }

  /** A repost as recorded: the days it reposted, withdrew or could not estimate, and the opening read. */
  public record RepostRecord(String sdpId, UUID id, AdjustmentReason reason, ServiceDates was, ServiceDates now,
      Optional<Repost.OpeningRead> opening, List<LocalDate> reposted, List<LocalDate> withdrawn, List<LocalDate> unestimable) {}

  private static SpecialRead read(Row row) {
    Optional<MeterReads> installed = Optional.ofNullable(row.getString("installed_meter"))
        .map(m -> new MeterReads(m, row.getMap("installed_registers", String.class, Long.class)));
    Map<String, Long> registers = row.getMap("registers", String.class, Long.class);
    return new SpecialRead(row.getUuid("id"), row.getString("sdp_id"),
        SpecialReadKind.fromWire(row.getString("kind")).orElseThrow(), row.getInstant("read_at"),
        new MeterReads(row.getString("meter"), registers), installed, Optional.ofNullable(row.getString("new_value")),
        row.getInstant("posted_at"));
  }
}
