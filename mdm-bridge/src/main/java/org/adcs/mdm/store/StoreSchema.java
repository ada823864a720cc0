package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MDM store's tables, created by the application at start (idempotently). Designed for the
 * nightly bulk write (one row per meter, channel and day, not per interval) and for reads by meter
 * and period (ARCHITECTURE.md, "Cassandra data model"). Meter times are the meter's standard time
 * (R-COL-6), stored as timestamps of that wall-clock time at UTC; queries apply the meter's offset.
 * Data tables expire after the retention period (R-VEE-5, 36 months).
 */
public final class StoreSchema {

  private static final Logger log = LoggerFactory.getLogger(StoreSchema.class);

  /** 36 months of 30.44 days (R-VEE-5). */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(1096);

  private StoreSchema() {}

  public static List<String> statements(String keyspace, Duration retention) {
    long ttl = retention.toSeconds();
    String ks = keyspace + ".";
    return List.of(
        // Every delivery of a day as it came (raw), newest revision first.
        "CREATE TABLE IF NOT EXISTS " + ks + "interval_raw ("
            + " meter_id text, channel text, day date, revision bigint,"
            + " interval_minutes int, unit text, scale int, present blob,"
            + " interval_values frozen<list<bigint>>, meter_flags frozen<list<int>>,"
            + " source text, read_at timestamp,"
            + " PRIMARY KEY ((meter_id, channel, day), revision))"
            + " WITH CLUSTERING ORDER BY (revision DESC) AND default_time_to_live = " + ttl,
        // Validated versions as written before reposts had a key of their own: read, no longer written
        // (IntervalStore reads it as long as it holds rows; they expire with the retention period).
        "CREATE TABLE IF NOT EXISTS " + ks + "interval_validated ("
            + " meter_id text, channel text, day date, version bigint,"
            + " interval_minutes int, unit text, scale int,"
            + " interval_values frozen<list<bigint>>, status frozen<list<tinyint>>, flags frozen<list<int>>,"
            + " source text, read_at timestamp, posted_at timestamp,"
            + " PRIMARY KEY ((meter_id, channel, day), version))"
            + " WITH CLUSTERING ORDER BY (version DESC) AND default_time_to_live = " + ttl,
        // Every validated version of a day (R-VEE-3: earlier versions are kept), newest first: a
        // delivery's under its revision with repost 0, a repost after a service date change (R-MD-2)
        // under the revision it followed with repost 1, 2, ..., so neither kind overwrites the other.
        "CREATE TABLE IF NOT EXISTS " + ks + "interval_versions ("
            + " meter_id text, channel text, day date, version bigint, repost int,"
            + " interval_minutes int, unit text, scale int,"
            + " interval_values frozen<list<bigint>>, status frozen<list<tinyint>>, flags frozen<list<int>>,"
            + " source text, read_at timestamp, posted_at timestamp, adjustment text,"
            + " PRIMARY KEY ((meter_id, channel, day), version, repost))"
            + " WITH CLUSTERING ORDER BY (version DESC, repost DESC) AND default_time_to_live = " + ttl,
        "CREATE TABLE IF NOT EXISTS " + ks + "register_reads ("
            + " meter_id text, channel text, read_at timestamp,"
            + " reading bigint, scale int, unit text, source text, received_at timestamp, revision bigint,"
            + " posted_at timestamp,"
            + " PRIMARY KEY ((meter_id, channel), read_at))"
            + " WITH CLUSTERING ORDER BY (read_at DESC) AND default_time_to_live = " + ttl,
        // Events by meter and month, for a meter's history.
        "CREATE TABLE IF NOT EXISTS " + ks + "events_by_meter ("
            + " meter_id text, month int, occurred_at timestamp, sequence bigint,"
            + " event_type text, code int, source text, received_at timestamp,"
            + " PRIMARY KEY ((meter_id, month), occurred_at, sequence))"
            + " WITH default_time_to_live = " + ttl,
        // Events by type and hour, for routing and reports.
        "CREATE TABLE IF NOT EXISTS " + ks + "events_by_type ("
            + " event_type text, hour timestamp, occurred_at timestamp, meter_id text, sequence bigint,"
            + " code int, source text, received_at timestamp,"
            + " PRIMARY KEY ((event_type, hour), occurred_at, meter_id, sequence))"
            + " WITH default_time_to_live = " + ttl,
        // Daily completeness per meter, spread over buckets so one day is not one huge partition;
        // the scheduler scans a day bucket by bucket (R-COL-3, R-MIS-1).
        "CREATE TABLE IF NOT EXISTS " + ks + "completeness_by_day ("
            + " day date, bucket int, meter_id text, channel text,"
            + " expected int, actual int, estimated int, needs_verify int, version bigint,"
            + " read_by_day1 int, read_by_day2 int, read_by_day5 int,"
            + " PRIMARY KEY ((day, bucket), meter_id, channel))"
            + " WITH default_time_to_live = " + ttl,
        // The same, by meter: the history of a meter's missing data (R-MIS-5).
        "CREATE TABLE IF NOT EXISTS " + ks + "completeness_by_meter ("
            + " meter_id text, day date, channel text,"
            + " expected int, actual int, estimated int, needs_verify int, version bigint,"
            + " PRIMARY KEY ((meter_id), day, channel))"
            + " WITH CLUSTERING ORDER BY (day DESC, channel ASC) AND default_time_to_live = " + ttl,
        // Minutes in which a node was up, for server availability (R-OPS-5); one row per node and minute.
        "CREATE TABLE IF NOT EXISTS " + ks + "node_uptime ("
            + " day date, minute int, node text,"
            + " PRIMARY KEY ((day), minute, node))"
            + " WITH default_time_to_live = " + ttl);
  }

  /** Columns added to tables after their first release: added to a keyspace created before them. */
  private static void addLaterColumns(CqlSession session, String keyspace) {
    var table = session.refreshSchema().getKeyspace(keyspace).flatMap(k -> k.getTable("completeness_by_day"));
    for (String column : List.of("read_by_day1", "read_by_day2", "read_by_day5")) {
      if (table.isPresent() && table.get().getColumn(column).isEmpty()) {
        session.execute(SimpleStatement.newInstance("ALTER TABLE " + keyspace + ".completeness_by_day ADD " + column + " int")
            .setTimeout(Duration.ofSeconds(60)));
      }
    }
    var registers = session.refreshSchema().getKeyspace(keyspace).flatMap(k -> k.getTable("register_reads"));
    if (registers.isPresent() && registers.get().getColumn("posted_at").isEmpty()) {
      session.execute(SimpleStatement.newInstance("ALTER TABLE " + keyspace + ".register_reads ADD posted_at timestamp")
          .setTimeout(Duration.ofSeconds(60)));
    }
  }

  public static void create(CqlSession session, String keyspace, Duration retention) {
    for (String cql : statements(keyspace, retention)) {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    }
    addLaterColumns(session, keyspace);
    log.info("store schema ready: keyspace={} tables={} retention={}d", keyspace, statements(keyspace, retention).size(),
        retention.toDays());
  }
}
