package org.adcs.mdm.masterdata;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.adcs.mdm.store.BoundedSession;

/**
 * Master data in Cassandra (R-MD-1). A service point's whole timeline is one row (a point has few
 * periods, and a change rewrites them together); meters and unique ids are indexed in their own
 * tables. Held sets and rejected readings are few (bounded by the hold limit and by the meters
 * without master data) and live in one partition each, so they can be listed whole.
 */
public final class CassandraMasterDataStore implements MasterDataStore {

  private static final int ALL = 0;
  private final BoundedSession db;
  private final PreparedStatement saveTimeline;
  private final PreparedStatement selectTimeline;
  private final PreparedStatement selectIds;
  private final PreparedStatement saveUnique;
  private final PreparedStatement selectUnique;
  private final PreparedStatement saveMeter;
  private final PreparedStatement selectMeter;
  private final PreparedStatement saveLast;
  private final PreparedStatement selectLast;
  private final PreparedStatement saveReport;
  private final PreparedStatement selectReport;
  private final PreparedStatement saveClaim;
  private final PreparedStatement selectClaim;
  private final PreparedStatement deleteClaim;
  private final PreparedStatement saveHeld;
  private final PreparedStatement selectHeld;
  private final PreparedStatement deleteHeld;
  private final PreparedStatement saveRejected;
  private final PreparedStatement selectRejected;
  private final PreparedStatement selectRejectedOfMeter;
  private final PreparedStatement deleteRejected;

  public static List<String> schema(String keyspace) {
    String ks = keyspace + ".";
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + ks + "md_service_points (sdp_id text PRIMARY KEY, unique_id text,"
            + " periods text)",
        "CREATE TABLE IF NOT EXISTS " + ks + "md_unique_ids (unique_id text PRIMARY KEY, sdp_id text)",
        "CREATE TABLE IF NOT EXISTS " + ks + "md_meter_points (meter text, sdp_id text,"
            + " PRIMARY KEY ((meter), sdp_id))",
        "CREATE TABLE IF NOT EXISTS " + ks + "md_sync_state (source text PRIMARY KEY, last_applied bigint)",
        "CREATE TABLE IF NOT EXISTS " + ks + "md_sync_reports (id uuid PRIMARY KEY, report text)",
        "CREATE TABLE IF NOT EXISTS " + ks + "md_sync_claims (source text, sequence bigint, report_id uuid,"
            + " fingerprint text, PRIMARY KEY ((source), sequence))",
        "CREATE TABLE IF NOT EXISTS " + ks + "md_held_sets (bucket int, source text, sequence bigint, kind text,"
            + " effective_at timestamp, records text, invalid text, fingerprint text, report_id uuid,"
            + " received_at timestamp, PRIMARY KEY ((bucket), source, sequence))",
        "CREATE TABLE IF NOT EXISTS " + ks + "md_rejected_readings (bucket int, meter text, day date, channel text,"
            + " unit text, revision bigint, posted_at timestamp, rejected_at timestamp, reason text,"
            + " PRIMARY KEY ((bucket), meter, day, channel))");
  }

  public static void create(CqlSession session, String keyspace) {
    for (String cql : schema(keyspace)) {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    }
  }

  public CassandraMasterDataStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    saveTimeline = s.prepare("INSERT INTO " + ks + "md_service_points (sdp_id, unique_id, periods) VALUES (?,?,?)");
    selectTimeline = s.prepare("SELECT periods FROM " + ks + "md_service_points WHERE sdp_id = ?");
    selectIds = s.prepare("SELECT sdp_id FROM " + ks + "md_service_points");
    saveUnique = s.prepare("INSERT INTO " + ks + "md_unique_ids (unique_id, sdp_id) VALUES (?,?)");
    selectUnique = s.prepare("SELECT sdp_id FROM " + ks + "md_unique_ids WHERE unique_id = ?");
    saveMeter = s.prepare("INSERT INTO " + ks + "md_meter_points (meter, sdp_id) VALUES (?,?)");
    selectMeter = s.prepare("SELECT sdp_id FROM " + ks + "md_meter_points WHERE meter = ?");
    saveLast = s.prepare("INSERT INTO " + ks + "md_sync_state (source, last_applied) VALUES (?,?)");
    selectLast = s.prepare("SELECT last_applied FROM " + ks + "md_sync_state WHERE source = ?");
    saveReport = s.prepare("INSERT INTO " + ks + "md_sync_reports (id, report) VALUES (?,?)");
    selectReport = s.prepare("SELECT report FROM " + ks + "md_sync_reports WHERE id = ?");
    saveClaim = s.prepare("INSERT INTO " + ks + "md_sync_claims (source, sequence, report_id, fingerprint)"
        + " VALUES (?,?,?,?)");
    selectClaim = s.prepare("SELECT report_id, fingerprint FROM " + ks + "md_sync_claims WHERE source = ?"
        + " AND sequence = ?");
    deleteClaim = s.prepare("DELETE FROM " + ks + "md_sync_claims WHERE source = ? AND sequence = ?");
    saveHeld = s.prepare("INSERT INTO " + ks + "md_held_sets (bucket, source, sequence, kind, effective_at, records,"
        + " invalid, fingerprint, report_id, received_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
    selectHeld = s.prepare("SELECT * FROM " + ks + "md_held_sets WHERE bucket = ?");
    deleteHeld = s.prepare("DELETE FROM " + ks + "md_held_sets WHERE bucket = ? AND source = ? AND sequence = ?");
    saveRejected = s.prepare("INSERT INTO " + ks + "md_rejected_readings (bucket, meter, day, channel, unit, revision,"
        + " posted_at, rejected_at, reason) VALUES (?,?,?,?,?,?,?,?,?)");
    selectRejected = s.prepare("SELECT * FROM " + ks + "md_rejected_readings WHERE bucket = ? LIMIT ?");
    selectRejectedOfMeter = s.prepare("SELECT * FROM " + ks + "md_rejected_readings WHERE bucket = ? AND meter = ?"
        + " LIMIT ?");
    deleteRejected = s.prepare("DELETE FROM " + ks + "md_rejected_readings WHERE bucket = ? AND meter = ? AND day = ?"
        + " AND channel = ?");
  }

  @Override
  public Optional<ServicePointTimeline> timeline(String sdpId) {
    return one(selectTimeline.bind(sdpId), row -> MasterDataCodec.timeline(sdpId, row.getString("periods")));
  }

  @Override
  public void save(ServicePointTimeline timeline, String uniqueId) {
    // Indexes first: a reader that finds the point through them then finds its newest timeline.
    for (String meter : timeline.periods().stream().map(p -> p.state().meter()).distinct().toList()) {
      run(saveMeter.bind(meter, timeline.sdpId()));
    }
    if (!uniqueId.isEmpty()) {
      run(saveUnique.bind(uniqueId, timeline.sdpId()));
    }
    run(saveTimeline.bind(timeline.sdpId(), uniqueId, MasterDataCodec.periods(timeline)));
  }

  @Override
  public List<String> servicePointIds() {
    return all(selectIds.bind().setPageSize(1000), row -> row.getString("sdp_id"));
  }

  @Override
  public Optional<String> servicePointWithUniqueId(String uniqueId) {
    return one(selectUnique.bind(uniqueId), row -> row.getString("sdp_id"));
  }

  @Override
  public List<String> servicePointsOfMeter(String meter) {
    return all(selectMeter.bind(meter), row -> row.getString("sdp_id"));
  }

  @Override
  public long lastApplied(String source) {
    return one(selectLast.bind(source), row -> row.getLong("last_applied")).orElse(0L);
  }

  @Override
  public void saveLastApplied(String source, long sequence) {
    run(saveLast.bind(source, sequence));
  }

  @Override
  public void saveReport(SyncReport report) {
    run(saveReport.bind(report.id(), MasterDataCodec.write(MasterDataCodec.report(report))));
  }

  @Override
  public Optional<SyncReport> report(UUID id) {
    return one(selectReport.bind(id), row -> MasterDataCodec.report(row.getString("report")));
  }

  @Override
  public Optional<SequenceClaim> claim(String source, long sequence) {
    return one(selectClaim.bind(source, sequence), row -> new SequenceClaim(source, sequence, row.getUuid("report_id"),
        row.getString("fingerprint")));
  }

  @Override
  public void claim(SequenceClaim claim) {
    run(saveClaim.bind(claim.source(), claim.sequence(), claim.reportId(), claim.fingerprint()));
  }

  @Override
  public void unclaim(String source, long sequence) {
    run(deleteClaim.bind(source, sequence));
  }

  @Override
  public void hold(HeldSet held) {
    SyncSet set = held.set();
    run(saveHeld.bind(ALL, set.source(), set.sequence(), set.kind().name(), set.effectiveAt(),
        MasterDataCodec.records(set.records()), MasterDataCodec.invalid(set.invalid()), set.fingerprint(),
        held.reportId(), held.receivedAt()));
  }

  @Override
  public List<HeldSet> held() {
    return all(selectHeld.bind(ALL), row -> new HeldSet(new SyncSet(row.getString("source"), row.getLong("sequence"),
        SyncSet.Kind.valueOf(row.getString("kind")), row.getInstant("effective_at"),
        MasterDataCodec.records(row.getString("records")), MasterDataCodec.invalid(row.getString("invalid")),
        row.getString("fingerprint")), row.getUuid("report_id"), row.getInstant("received_at")));
  }

  @Override
  public void release(String source, long sequence) {
    run(deleteHeld.bind(ALL, source, sequence));
  }

  @Override
  public void reject(RejectedReading r) {
    run(saveRejected.bind(ALL, r.meter(), r.day(), r.channel(), r.unit(), r.revision(), r.postedAt(), r.rejectedAt(),
        r.reason()));
  }

  @Override
  public List<RejectedReading> rejected(Optional<String> meter, int limit) {
    BoundStatement query = meter.map(m -> selectRejectedOfMeter.bind(ALL, m, limit))
        .orElseGet(() -> selectRejected.bind(ALL, limit));
    return all(query, row -> new RejectedReading(row.getString("meter"), row.getLocalDate("day"),
        row.getString("channel"), row.getString("unit"), row.getLong("revision"), row.getInstant("posted_at"),
        row.getInstant("rejected_at"), row.getString("reason")));
  }

  @Override
  public void clear(RejectedReading r) {
    run(deleteRejected.bind(ALL, r.meter(), r.day(), r.channel()));
  }

  private AsyncResultSet run(BoundStatement statement) {
    try {
      return db.executeAsync(statement.setIdempotent(true)).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private <T> Optional<T> one(BoundStatement statement, Function<Row, T> read) {
    return Optional.ofNullable(run(statement).one()).map(read);
  }

  private <T> List<T> all(BoundStatement statement, Function<Row, T> read) {
    List<T> result = new ArrayList<>();
    AsyncResultSet page = run(statement);
    while (true) {
      page.currentPage().forEach(row -> result.add(read.apply(row)));
      if (!page.hasMorePages()) {
        return result;
      }
      try {
        page = page.fetchNextPage().toCompletableFuture().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
  }
}
