package org.adcs.mdm.readside;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling read-side tables, created at start (idempotently). Lists of meters are spread over
 * {@link #BUCKETS} hash buckets with the meter id as clustering key, so a partition holds a
 * thirty-second of a group however large the fleet, and a scan can still go in meter id order.
 */
public final class ScheduleReadSideSchema {

  private static final Logger log = LoggerFactory.getLogger(ScheduleReadSideSchema.class);

  /** 5 million meters give ~160,000 small rows a partition. */
  public static final int BUCKETS = 32;
  /** The read group of meters that registered and have no default schedule yet (R-SCH-1). */
  public static final int UNSCHEDULED = -1;
  /** Arrival times are kept long enough for a rebalancing review (R-SCH-4) over up to 62 days. */
  public static final Duration ARRIVALS_KEPT = Duration.ofDays(70);
  /** A mass read's record outlives any job (a 10,000-meter read takes minutes) and an operator's question about it. */
  public static final Duration MASS_READS_KEPT = Duration.ofDays(30);

  private ScheduleReadSideSchema() {}

  public static List<String> statements(String keyspace) {
    String ks = keyspace + ".";
    return List.of(
        // Every meter in service (registered), so completeness lists meters with no data at all (R-COL-3).
        "CREATE TABLE IF NOT EXISTS " + ks + "meters_in_service ("
            + " bucket int, meter_id text, registered_at timestamp,"
            + " PRIMARY KEY ((bucket), meter_id))",
        // Read-group membership; read_group -1 is the unscheduled group (R-SCH-1, R-SCH-2).
        "CREATE TABLE IF NOT EXISTS " + ks + "meters_by_read_group ("
            + " read_group int, bucket int, meter_id text,"
            + " PRIMARY KEY ((read_group, bucket), meter_id))",
        // A meter's default schedule: the group, since which event, and when the meter acknowledged it (R-SCH-3).
        "CREATE TABLE IF NOT EXISTS " + ks + "meter_default_schedule ("
            + " meter_id text PRIMARY KEY, read_group int, read_time time, group_seq bigint, acknowledged_at timestamp)",
        // When each day's scheduled data arrived, per meter (R-SCH-4); earliest first.
        "CREATE TABLE IF NOT EXISTS " + ks + "scheduled_arrivals ("
            + " meter_id text, day date, received_at timestamp,"
            + " PRIMARY KEY ((meter_id), day, received_at))"
            + " WITH default_time_to_live = " + ARRIVALS_KEPT.toSeconds(),
        // Non-default schedules (R-SCH-5), one row per meter and schedule.
        "CREATE TABLE IF NOT EXISTS " + ks + "non_default_schedules ("
            + " bucket int, meter_id text, schedule_id text,"
            + " starts_at timestamp, ends_at timestamp, frequency_seconds bigint, requested_by text,"
            + " PRIMARY KEY ((bucket), meter_id, schedule_id))",
        // The end of the newest interval received from a meter, by any path (R-MIS-3).
        "CREATE TABLE IF NOT EXISTS " + ks + "meter_received_through ("
            + " meter_id text PRIMARY KEY, received_through timestamp)",
        // The scheduler's run reports (R-SCH-3, R-SCH-4, R-MIS-1..3), newest first per kind; the body
        // is cut into parts so a large exception report stays below Cassandra's mutation size.
        "CREATE TABLE IF NOT EXISTS " + ks + "scheduler_runs ("
            + " kind text, run_key text, parts int, saved_at timestamp,"
            + " PRIMARY KEY ((kind), run_key)) WITH CLUSTERING ORDER BY (run_key DESC)",
        "CREATE TABLE IF NOT EXISTS " + ks + "scheduler_run_parts ("
            + " kind text, run_key text, part int, body text,"
            + " PRIMARY KEY ((kind, run_key), part))",
        // The history of meters that had missing data, one line per meter and run (R-MIS-5).
        // Operators' mass reads as the desk accepted them, and their end (R-OD-3); kept a month.
        "CREATE TABLE IF NOT EXISTS " + ks + "mass_read_jobs ("
            + " bucket int, job_id text, accepted_at timestamp, concurrency int, target text, ended text,"
            + " ended_at timestamp, PRIMARY KEY ((bucket), job_id))"
            + " WITH default_time_to_live = " + MASS_READS_KEPT.toSeconds(),
        "CREATE TABLE IF NOT EXISTS " + ks + "missing_data_history ("
            + " meter_id text, run_day date, line text,"
            + " PRIMARY KEY ((meter_id), run_day)) WITH CLUSTERING ORDER BY (run_day DESC)");
  }

  public static void create(CqlSession session, String keyspace) {
    for (String cql : statements(keyspace)) {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    }
    log.info("scheduling read side ready: keyspace={} tables={}", keyspace, statements(keyspace).size());
  }

  static int bucket(String meterId) {
    return Math.floorMod(meterId.hashCode(), BUCKETS);
  }
}
