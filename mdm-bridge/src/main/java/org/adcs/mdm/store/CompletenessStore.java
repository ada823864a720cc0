package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * Daily completeness per meter and channel, the read side the scheduler scans each morning
 * (R-COL-3) and the history of a meter's missing data (R-MIS-5).
 */
public final class CompletenessStore {

  /** Enough buckets that a day of 5 million meters x 2 channels stays below ~100k rows a partition. */
  public static final int BUCKETS = 128;

  private final BoundedSession db;
  private final PreparedStatement byDay;
  private final PreparedStatement byMeter;

  public CompletenessStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    byDay = s.prepare("INSERT INTO " + keyspace + ".completeness_by_day (day, bucket, meter_id, channel, expected,"
        + " actual, estimated, needs_verify, version) VALUES (?,?,?,?,?,?,?,?,?) USING TIMESTAMP ?");
    byMeter = s.prepare("INSERT INTO " + keyspace + ".completeness_by_meter (meter_id, day, channel, expected,"
        + " actual, estimated, needs_verify, version) VALUES (?,?,?,?,?,?,?,?) USING TIMESTAMP ?");
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
    return CompletableFuture.allOf(a.toCompletableFuture(), b.toCompletableFuture());
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
