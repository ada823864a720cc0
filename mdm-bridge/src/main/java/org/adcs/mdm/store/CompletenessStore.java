package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.report.Arrival;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * Daily completeness per meter and channel, the read side the scheduler scans each morning
 * (R-COL-3) and the history of a meter's missing data (R-MIS-5). Each write also records, for the
 * timeliness report (R-VEE-4), how many intervals were read by the end of day 1, 2 and 5 after the
 * day: only the deadlines not yet passed when the data was read are written, so the columns keep the
 * count as it stood at each deadline, without any read before the write.
 */
public final class CompletenessStore {

  /** Enough buckets that a day of 5 million meters x 2 channels stays below ~100k rows a partition. */
  public static final int BUCKETS = 128;

  private final BoundedSession db;
  private final PreparedStatement byDay;
  private final PreparedStatement byMeter;
  /** Indexed by the first deadline not yet passed: sets that deadline's column and the later ones. */
  private final List<PreparedStatement> arrivals = new ArrayList<>();
  private final ZoneOffset standardTime;

  public CompletenessStore(BoundedSession db, String keyspace) {
    this(db, keyspace, ZoneOffset.UTC);
  }

  /** @param standardTime the meters' standard time, whose days the deadlines end */
  public CompletenessStore(BoundedSession db, String keyspace, ZoneOffset standardTime) {
    this.db = db;
    this.standardTime = standardTime;
    var s = db.session();
    byDay = s.prepare("INSERT INTO " + keyspace + ".completeness_by_day (day, bucket, meter_id, channel, expected,"
        + " actual, estimated, needs_verify, version) VALUES (?,?,?,?,?,?,?,?,?) USING TIMESTAMP ?");
    byMeter = s.prepare("INSERT INTO " + keyspace + ".completeness_by_meter (meter_id, day, channel, expected,"
        + " actual, estimated, needs_verify, version) VALUES (?,?,?,?,?,?,?,?) USING TIMESTAMP ?");
    for (int first = 0; first < Arrival.DEADLINE_DAYS.size(); first++) {
      List<String> sets = new ArrayList<>();
      for (int k = first; k < Arrival.DEADLINE_DAYS.size(); k++) {
        sets.add(Arrival.column(k) + " = ?");
      }
      arrivals.add(s.prepare("UPDATE " + keyspace + ".completeness_by_day USING TIMESTAMP ? SET " + String.join(", ", sets)
          + " WHERE day = ? AND bucket = ? AND meter_id = ? AND channel = ?"));
    }
  }

  public CompletionStage<Void> write(ValidatedDay day) {
    int expected = day.intervalCount();
    int actual = expected - (int) day.count(IntervalStatus.ESTIMATED) - gaps(day);
    int estimated = (int) day.count(IntervalStatus.ESTIMATED);
    int nve = (int) day.count(IntervalStatus.NEEDS_VERIFY);
    long ts = StoreCodec.writeTime(day.postedAt());
    String meter = day.meter().value();
    var a = db.executeAsync(byDay.bind(day.day(), StoreCodec.bucket(meter, BUCKETS), meter, day.channel().name(),
        expected, actual, estimated, nve, day.version(), ts).setIdempotent(true));
    var b = db.executeAsync(byMeter.bind(meter, day.day(), day.channel().name(), expected, actual, estimated, nve,
        day.version(), ts).setIdempotent(true));
    int first = Arrival.firstOpenDeadline(day.day(), day.readAt(), standardTime);
    if (first >= arrivals.size()) {
      return CompletableFuture.allOf(a.toCompletableFuture(), b.toCompletableFuture());
    }
    List<Object> values = new ArrayList<>();
    values.add(ts);
    for (int k = first; k < arrivals.size(); k++) {
      values.add(actual);
    }
    values.addAll(List.of(day.day(), StoreCodec.bucket(meter, BUCKETS), meter, day.channel().name()));
    var c = db.executeAsync(arrivals.get(first).bind(values.toArray()).setIdempotent(true));
    return CompletableFuture.allOf(a.toCompletableFuture(), b.toCompletableFuture(), c.toCompletableFuture());
  }

  /** Intervals still missing: gaps that could not be estimated. */
  private static int gaps(ValidatedDay day) {
    int gaps = 0;
    for (int i = 0; i < day.intervalCount(); i++) {
      if (day.has(i, org.adcs.mdm.vee.VeeFlag.GAP) && day.status(i) == IntervalStatus.NEEDS_VERIFY) {
        gaps++;
      }
    }
    return gaps;
  }
}
