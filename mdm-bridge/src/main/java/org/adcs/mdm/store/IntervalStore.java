package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * Interval days, raw and validated: one raw row per meter, channel, day and revision; one validated
 * row per version, keyed (revision, repost) so that a repost and a delivery never share a key (see
 * {@link ValidatedDay}). Writes are idempotent: the key and the write timestamp come from the data,
 * so writing a day again (a replayed projection) leaves the store as it was.
 *
 * <p>Versions written before reposts had a key of their own are in the older table keyed by
 * version alone; they stay readable next to the newer ones as long as that table holds rows when
 * the store is opened. Nothing writes it any more, so a node opened on an empty one skips it.
 */
public final class IntervalStore {

  private final BoundedSession db;
  private final PreparedStatement insertRaw;
  private final PreparedStatement insertValidated;
  private final PreparedStatement latestRawAsOf;
  private final PreparedStatement latestValidatedAsOf;
  private final PreparedStatement allValidated;
  /** Null when the older table held nothing at start. */
  private final LegacyVersions legacy;

  public IntervalStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    insertRaw = s.prepare("INSERT INTO " + ks + "interval_raw (meter_id, channel, day, revision, interval_minutes, unit,"
        + " scale, present, interval_values, meter_flags, source, read_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
        + " USING TIMESTAMP ?");
    insertValidated = s.prepare("INSERT INTO " + ks + "interval_versions (meter_id, channel, day, version, repost,"
        + " interval_minutes, unit, scale, interval_values, status, flags, source, read_at, posted_at, adjustment)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) USING TIMESTAMP ?");
    latestRawAsOf = s.prepare("SELECT * FROM " + ks + "interval_raw WHERE meter_id = ? AND channel = ? AND day = ?"
        + " AND revision <= ? LIMIT 1");
    latestValidatedAsOf = s.prepare("SELECT * FROM " + ks + "interval_versions WHERE meter_id = ? AND channel = ?"
        + " AND day = ? AND version <= ? LIMIT 1");
    allValidated = s.prepare("SELECT * FROM " + ks + "interval_versions WHERE meter_id = ? AND channel = ? AND day = ?");
    legacy = LegacyVersions.ifAny(db, ks);
  }

  public CompletionStage<AsyncResultSet> writeRaw(IntervalDay day) {
    return db.executeAsync(insertRaw.bind(day.meter().value(), day.channel().name(), day.day(), day.revision(),
        day.intervalMinutes(), day.channel().unit(), day.scale(), StoreCodec.bits(day.present()),
        StoreCodec.longs(day.values()), StoreCodec.ints(day.meterFlags()), day.source().name(), day.readAt(),
        StoreCodec.writeTime(day.readAt())).setIdempotent(true));
  }

  public CompletionStage<AsyncResultSet> writeValidated(ValidatedDay day) {
    return db.executeAsync(insertValidated.bind(day.meter().value(), day.channel().name(), day.day(), day.version(),
        day.repost(), day.intervalMinutes(), day.channel().unit(), day.scale(), StoreCodec.longs(day.values()),
        statusCodes(day), StoreCodec.ints(day.flags()), day.source().name(), day.readAt(), day.postedAt(),
        day.adjustment().orElse(null), StoreCodec.writeTime(day.postedAt())).setIdempotent(true));
  }

  /** The newest raw delivery of a day up to {@code revision} (inclusive). */
  public CompletionStage<Optional<IntervalDay>> rawAsOf(MeterId meter, Channel channel, LocalDate day, long revision) {
    return db.executeAsync(latestRawAsOf.bind(meter.value(), channel.name(), day, revision))
        .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> raw(row, meter, channel)));
  }

  /**
   * The newest validated version of a day up to {@code version} (inclusive, with the reposts made
   * after that revision); Long.MAX_VALUE for the latest.
   */
  public CompletionStage<Optional<ValidatedDay>> validatedAsOf(MeterId meter, Channel channel, LocalDate day, long version) {
    CompletionStage<Optional<ValidatedDay>> current = db.executeAsync(
            latestValidatedAsOf.bind(meter.value(), channel.name(), day, version))
        .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> validated(row, meter, channel)));
    if (legacy == null) {
      return current;
    }
    return current.thenCombine(legacy.asOf(meter, channel, day, version), (now, before) -> now.isEmpty() ? before
        : before.filter(b -> ValidatedDay.OLDEST_FIRST.compare(b, now.get()) > 0).or(() -> now));
  }

  /** Every kept version of a day, newest first (R-VEE-3). */
  public CompletionStage<List<ValidatedDay>> versions(MeterId meter, Channel channel, LocalDate day) {
    CompletionStage<List<ValidatedDay>> current = db.executeAsync(allValidated.bind(meter.value(), channel.name(), day))
        .thenApply(rs -> validated(rs, meter, channel));
    if (legacy == null) {
      return current;
    }
    return current.thenCombine(legacy.all(meter, channel, day), (now, before) -> {
      // A delivery replayed since is in both tables under the same revision: the newer row stands.
      List<ValidatedDay> merged = new ArrayList<>(now);
      before.stream().filter(b -> now.stream().noneMatch(n -> n.version() == b.version() && n.repost() == 0))
          .forEach(merged::add);
      merged.sort(ValidatedDay.OLDEST_FIRST.reversed());
      return merged;
    });
  }

  private static IntervalDay raw(Row row, MeterId meter, Channel channel) {
    return new IntervalDay(meter, new Channel(channel.name(), row.getString("unit")), row.getLocalDate("day"),
        row.getInt("interval_minutes"), row.getInt("scale"),
        StoreCodec.longs(row.getList("interval_values", Long.class)),
        StoreCodec.bits(row.getByteBuffer("present")), StoreCodec.ints(row.getList("meter_flags", Integer.class)),
        ReadingSource.valueOf(row.getString("source")), row.getInstant("read_at"), row.getLong("revision"));
  }

  private static List<ValidatedDay> validated(AsyncResultSet rs, MeterId meter, Channel channel) {
    List<ValidatedDay> result = new ArrayList<>();
    for (Row row : rs.currentPage()) {
      result.add(validated(row, meter, channel));
    }
    return result;
  }

  private static ValidatedDay validated(Row row, MeterId meter, Channel channel) {
    List<Byte> codes = row.getList("status", Byte.class);
    IntervalStatus[] status = new IntervalStatus[codes.size()];
    IntervalStatus[] all = IntervalStatus.values();
    for (int i = 0; i < status.length; i++) {
      status[i] = all[codes.get(i)];
    }
    return new ValidatedDay(meter, new Channel(channel.name(), row.getString("unit")), row.getLocalDate("day"),
        row.getInt("interval_minutes"), row.getInt("scale"),
        StoreCodec.longs(row.getList("interval_values", Long.class)), status,
        StoreCodec.ints(row.getList("flags", Integer.class)), ReadingSource.valueOf(row.getString("source")),
        row.getInstant("read_at"), row.getInstant("posted_at"), row.getLong("version"),
        row.getColumnDefinitions().contains("repost") ? row.getInt("repost") : 0,
        Optional.ofNullable(row.getColumnDefinitions().contains("adjustment") ? row.getString("adjustment") : null));
  }

  /** Status as its ordinal: the enum's order is part of the stored format (only ever append). */
  private static List<Byte> statusCodes(ValidatedDay day) {
    IntervalStatus[] status = day.status();
    List<Byte> codes = new ArrayList<>(status.length);
    for (IntervalStatus s : status) {
      codes.add((byte) s.ordinal());
    }
    return codes;
  }


  /** The older table of validated versions, keyed by version alone: read only. */
  private static final class LegacyVersions {

    private final BoundedSession db;
    private final PreparedStatement asOf;
    private final PreparedStatement all;

    private LegacyVersions(BoundedSession db, String ks) {
      this.db = db;
      asOf = db.session().prepare("SELECT * FROM " + ks + "interval_validated WHERE meter_id = ? AND channel = ?"
          + " AND day = ? AND version <= ? LIMIT 1");
      all = db.session().prepare("SELECT * FROM " + ks + "interval_validated WHERE meter_id = ? AND channel = ?"
          + " AND day = ?");
    }

    /** Null when the table holds no row: then it never will, as nothing writes it. */
    static LegacyVersions ifAny(BoundedSession db, String ks) {
      Row any = db.session().execute(SimpleStatement.newInstance("SELECT version FROM " + ks
          + "interval_validated LIMIT 1").setTimeout(Duration.ofSeconds(60))).one();
      return any == null ? null : new LegacyVersions(db, ks);
    }

    CompletionStage<Optional<ValidatedDay>> asOf(MeterId meter, Channel channel, LocalDate day, long version) {
      return db.executeAsync(asOf.bind(meter.value(), channel.name(), day, version))
          .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> validated(row, meter, channel)));
    }

    CompletionStage<List<ValidatedDay>> all(MeterId meter, Channel channel, LocalDate day) {
      return db.executeAsync(all.bind(meter.value(), channel.name(), day)).thenApply(rs -> validated(rs, meter, channel));
    }
  }
}
