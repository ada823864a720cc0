package org.adcs.mdm.readside;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.adcs.mdm.store.BoundedSession;

/**
 * Reads of the scheduling read side and of the store's completeness, a page or a meter at a time.
 * Pages are in meter id order (see {@link OrderedBucketScan}); per-meter reads are single-partition.
 */
public final class ScheduleReadSideQueries {

  private final BoundedSession db;
  private final PreparedStatement inService;
  private final PreparedStatement inServiceRange;
  private final PreparedStatement members;
  private final PreparedStatement groupCount;
  private final PreparedStatement defaultSchedule;
  private final PreparedStatement arrivals;
  private final PreparedStatement schedules;
  private final PreparedStatement receivedThrough;
  private final PreparedStatement completeness;
  private final PreparedStatement received;

  public ScheduleReadSideQueries(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    inService = s.prepare("SELECT meter_id, registered_at FROM " + ks + "meters_in_service WHERE bucket = ? AND meter_id > ? LIMIT ?");
    inServiceRange = s.prepare("SELECT meter_id, registered_at FROM " + ks + "meters_in_service"
        + " WHERE bucket = ? AND meter_id >= ? AND meter_id < ? LIMIT ?");
    members = s.prepare("SELECT meter_id FROM " + ks + "meters_by_read_group WHERE read_group = ? AND bucket = ? AND meter_id > ?"
        + " LIMIT ?");
    groupCount = s.prepare("SELECT COUNT(*) FROM " + ks + "meters_by_read_group WHERE read_group = ? AND bucket = ?");
    defaultSchedule = s.prepare("SELECT read_group, read_time, group_seq, acknowledged_at FROM " + ks + "meter_default_schedule"
        + " WHERE meter_id = ?");
    arrivals = s.prepare("SELECT day, received_at FROM " + ks + "scheduled_arrivals WHERE meter_id = ? AND day >= ? AND day <= ?");
    schedules = s.prepare("SELECT meter_id, schedule_id, starts_at, ends_at, frequency_seconds, requested_by FROM " + ks
        + "non_default_schedules WHERE bucket = ? AND meter_id > ? LIMIT ?");
    receivedThrough = s.prepare("SELECT received_through FROM " + ks + "meter_received_through WHERE meter_id = ?");
    completeness = s.prepare("SELECT day, channel, expected, actual FROM " + ks + "completeness_by_meter"
        + " WHERE meter_id = ? AND day >= ? AND day <= ?");
    received = s.prepare("SELECT interval_minutes, present FROM " + ks + "interval_raw WHERE meter_id = ? AND channel = ? AND day = ?");
  }

  /** Every meter in service, registered or scheduled, with data or without (R-COL-3). */
  public CompletionStage<KeyPage<MeterInService>> metersInService(Optional<String> after, int limit) {
    int perBucket = OrderedBucketScan.perBucketLimit(limit, ScheduleReadSideSchema.BUCKETS);
    return new OrderedBucketScan<>(db, ScheduleReadSideSchema.BUCKETS, (bucket, from) -> inService.bind(bucket, from, perBucket),
        row -> new MeterInService(row.getString("meter_id"), row.getInstant("registered_at")), MeterInService::meterId)
        .page(after, limit);
  }

  /**
   * The meters in service whose id starts with {@code prefix}, in meter id order: each bucket is read
   * from the prefix (or just after the cursor) to the end of the prefix's range, so a page costs the
   * same at 100 meters as at 5 million.
   */
  public CompletionStage<KeyPage<MeterInService>> metersInServiceStartingWith(String prefix, Optional<String> after, int limit) {
    int perBucket = OrderedBucketScan.perBucketLimit(limit, ScheduleReadSideSchema.BUCKETS);
    String end = prefix + Character.MAX_VALUE; // above every id starting with the prefix
    return new OrderedBucketScan<>(db, ScheduleReadSideSchema.BUCKETS,
        (bucket, from) -> inServiceRange.bind(bucket, fromInclusive(prefix, from), end, perBucket),
        row -> new MeterInService(row.getString("meter_id"), row.getInstant("registered_at")), MeterInService::meterId)
        .page(after, limit);
  }

  /** The lowest id a page may start at: the prefix, or the least id above the cursor when that is higher. */
  static String fromInclusive(String prefix, String after) {
    if (after.isEmpty()) {
      return prefix;
    }
    String justAfter = after + Character.MIN_VALUE; // meter ids hold no NUL: the least string greater than the cursor
    return justAfter.compareTo(prefix) > 0 ? justAfter : prefix;
  }

  /** Members of a read group; {@link ScheduleReadSideSchema#UNSCHEDULED} for self-registered meters (R-SCH-1). */
  public CompletionStage<KeyPage<String>> membersOf(int group, Optional<String> after, int limit) {
    int perBucket = OrderedBucketScan.perBucketLimit(limit, ScheduleReadSideSchema.BUCKETS);
    return new OrderedBucketScan<>(db, ScheduleReadSideSchema.BUCKETS, (bucket, from) -> members.bind(group, bucket, from, perBucket),
        row -> row.getString("meter_id"), Function.identity()).page(after, limit);
  }

  /** How many meters a read group has: counted by Cassandra bucket by bucket, so no counter can drift on a replay. */
  public CompletionStage<Long> groupSize(int group) {
    List<Integer> buckets = new ArrayList<>();
    for (int b = 0; b < ScheduleReadSideSchema.BUCKETS; b++) {
      buckets.add(b);
    }
    return BoundedFanOut.map(buckets, 8, b -> db.executeAsync(groupCount.bind(group, b).setTimeout(Duration.ofSeconds(60)))
            .thenApply(rs -> rs.one().getLong(0)))
        .thenApply(counts -> counts.stream().mapToLong(Long::longValue).sum());
  }

  public CompletionStage<Optional<DefaultScheduleRow>> defaultSchedule(String meterId) {
    return db.executeAsync(defaultSchedule.bind(meterId)).thenApply(rs -> {
      Row row = rs.one();
      if (row == null || row.isNull("read_group")) {
        return Optional.empty();
      }
      return Optional.of(new DefaultScheduleRow(meterId, row.getInt("read_group"), Optional.ofNullable(row.getLocalTime("read_time")),
          row.isNull("group_seq") ? 0 : row.getLong("group_seq"), Optional.ofNullable(row.getInstant("acknowledged_at"))));
    });
  }

  /** The earliest arrival of scheduled data per day in {@code first..last} (R-SCH-4); days without one are absent. */
  public CompletionStage<Map<LocalDate, Instant>> scheduledArrivals(String meterId, LocalDate first, LocalDate last) {
    return db.executeAsync(arrivals.bind(meterId, first, last)).thenCompose(rs -> collect(rs, new LinkedHashMap<LocalDate, Instant>(),
        (map, row) -> map.putIfAbsent(row.getLocalDate("day"), row.getInstant("received_at"))));
  }

  /** Non-default schedules, one row per meter and schedule, in meter id order (R-SCH-5). */
  public CompletionStage<KeyPage<StoredSchedule>> nonDefaultSchedules(Optional<String> after, int limit) {
    int perBucket = OrderedBucketScan.perBucketLimit(limit, ScheduleReadSideSchema.BUCKETS);
    return new OrderedBucketScan<>(db, ScheduleReadSideSchema.BUCKETS, (bucket, from) -> schedules.bind(bucket, from, perBucket),
        row -> new StoredSchedule(row.getString("meter_id"), row.getString("schedule_id"), row.getInstant("starts_at"),
            Optional.ofNullable(row.getInstant("ends_at")), Duration.ofSeconds(row.getLong("frequency_seconds")),
            row.getString("requested_by")),
        StoredSchedule::meterId).page(after, limit);
  }

  public CompletionStage<Optional<Instant>> receivedThrough(String meterId) {
    return db.executeAsync(receivedThrough.bind(meterId)).thenApply(rs -> {
      Row row = rs.one();
      return row == null ? Optional.empty() : Optional.ofNullable(row.getInstant("received_through"));
    });
  }

  /** The store's completeness rows of a meter for {@code first..last}, every channel (R-COL-3, R-MIS-2). */
  public CompletionStage<List<ChannelDayCompleteness>> completeness(String meterId, LocalDate first, LocalDate last) {
    return db.executeAsync(completeness.bind(meterId, first, last)).thenCompose(rs -> collect(rs, new ArrayList<ChannelDayCompleteness>(),
        (list, row) -> list.add(new ChannelDayCompleteness(row.getLocalDate("day"), row.getString("channel"), row.getInt("expected"),
            row.getInt("actual")))));
  }

  /** The intervals of a channel-day received over all its deliveries, empty when none came (R-MIS-1 partial days). */
  public CompletionStage<Optional<ReceivedIntervals>> receivedIntervals(String meterId, String channel, LocalDate day) {
    return db.executeAsync(received.bind(meterId, channel, day)).thenCompose(rs -> collect(rs, new ArrayList<ReceivedIntervals>(),
        (list, row) -> {
          ByteBuffer bits = row.getByteBuffer("present");
          list.add(new ReceivedIntervals(row.getInt("interval_minutes"), bits == null ? new BitSet() : BitSet.valueOf(bits.duplicate())));
        })).thenApply(revisions -> {
          if (revisions.isEmpty()) {
            return Optional.empty();
          }
          BitSet union = new BitSet();
          revisions.forEach(r -> union.or(r.present()));
          return Optional.of(new ReceivedIntervals(revisions.get(0).intervalMinutes(), union));
        });
  }

  /** Reads every page of a result (single partitions of bounded size) into {@code into}. */
  private static <C> CompletionStage<C> collect(AsyncResultSet rs, C into, java.util.function.BiConsumer<C, Row> add) {
    for (Row row : rs.currentPage()) {
      add.accept(into, row);
    }
    if (rs.hasMorePages()) {
      return rs.fetchNextPage().thenCompose(next -> collect(next, into, add));
    }
    return CompletableFuture.completedFuture(into);
  }
}
