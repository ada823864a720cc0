package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;

/**
 * Register reads by meter and channel, keyed by read time. The first delivery of a read wins: a
 * later re-read of the same cumulative register carries the same value, and keeping the first
 * revision keeps the "as of revision" view that VEE sees, and so replays, deterministic. That is
 * done with a write timestamp that falls as the revision rises.
 */
public final class RegisterStore {

  private final BoundedSession db;
  private final PreparedStatement insert;
  private final PreparedStatement at;
  private final PreparedStatement oldestIn;
  private final PreparedStatement newestIn;
  private final PreparedStatement takenIn;
  private final PreparedStatement newestBefore;

  /** A register read at most once a minute: a day's reads fit one bounded page. */
  public static final int MAX_READS_A_DAY = 1440;

  public RegisterStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    insert = s.prepare("INSERT INTO " + keyspace + ".register_reads (meter_id, channel, read_at, reading, scale, unit,"
        + " source, received_at, revision, posted_at) VALUES (?,?,?,?,?,?,?,?,?,?) USING TIMESTAMP ?");
    at = s.prepare("SELECT * FROM " + keyspace + ".register_reads WHERE meter_id = ? AND channel = ? AND read_at = ?");
    String in = "SELECT * FROM " + keyspace + ".register_reads WHERE meter_id = ? AND channel = ?"
        + " AND read_at >= ? AND read_at <= ?";
    oldestIn = s.prepare(in + " ORDER BY read_at ASC LIMIT 1");
    newestIn = s.prepare(in + " LIMIT 1");
    String base = "SELECT * FROM " + keyspace + ".register_reads WHERE meter_id = ? AND channel = ?";
    takenIn = s.prepare(base + " AND read_at >= ? AND read_at < ? ORDER BY read_at ASC LIMIT " + MAX_READS_A_DAY);
    newestBefore = s.prepare(base + " AND read_at < ? LIMIT 1");
  }

  /** A read stored outside a delivery counts as posted when it was received. */
  public CompletionStage<AsyncResultSet> write(RegisterRead read) {
    return write(read, read.receivedAt());
  }

  /**
   * @param postedAt the posting time of the delivery that carried the read (R-VEE-3); as the first
   *                 delivery wins, so does its posting time: market files deliver a read once
   */
  public CompletionStage<AsyncResultSet> write(RegisterRead read, Instant postedAt) {
    return db.executeAsync(insert.bind(read.meter().value(), read.channel().name(), StoreCodec.wallClock(read.readAt()),
        read.value(), read.scale(), read.channel().unit(), read.source().name(), read.receivedAt(), read.revision(),
        postedAt, firstWins(read.revision())).setIdempotent(true));
  }

  /** A stored read and the posting time of the delivery that stored it. */
  public record PostedRead(RegisterRead read, Instant postedAt) {}

  static long firstWins(long revision) {
    return (1L << 52) - revision;
  }

  /** The read taken at {@code readAt}, if it was delivered by {@code revision} or earlier. */
  public CompletionStage<Optional<RegisterRead>> readAt(MeterId meter, Channel channel, LocalDateTime readAt, long revision) {
    return readAt(meter, channel, readAt).thenApply(read -> read.filter(r -> r.revision() <= revision));
  }

  public CompletionStage<Optional<RegisterRead>> readAt(MeterId meter, Channel channel, LocalDateTime readAt) {
    return db.executeAsync(at.bind(meter.value(), channel.name(), StoreCodec.wallClock(readAt)))
        .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> read(row, meter, channel, readAt)));
  }

  /** The first and the last read taken in [from, to]: none, one, or two in time order. */
  public CompletionStage<List<RegisterRead>> firstAndLast(MeterId meter, Channel channel, LocalDateTime from,
      LocalDateTime to) {
    Object[] values = {meter.value(), channel.name(), StoreCodec.wallClock(from), StoreCodec.wallClock(to)};
    return db.executeAsync(oldestIn.bind(values)).thenCombine(db.executeAsync(newestIn.bind(values)), (first, last) -> {
      List<RegisterRead> reads = new ArrayList<>(2);
      Row oldest = first.one();
      Row newest = last.one();
      if (oldest != null) {
        reads.add(read(oldest, meter, channel, StoreCodec.meterTime(oldest.getInstant("read_at"))));
      }
      if (oldest != null && newest != null && !newest.getInstant("read_at").equals(oldest.getInstant("read_at"))) {
        reads.add(read(newest, meter, channel, StoreCodec.meterTime(newest.getInstant("read_at"))));
      }
      return reads;
    });
  }

  /** The reads taken in [from, to), oldest first (at most {@link #MAX_READS_A_DAY}). */
  public CompletionStage<List<PostedRead>> takenIn(MeterId meter, Channel channel, LocalDateTime from,
      LocalDateTime to) {
    return db.executeAsync(takenIn.bind(meter.value(), channel.name(), StoreCodec.wallClock(from),
        StoreCodec.wallClock(to))).thenApply(rs -> {
          List<PostedRead> reads = new ArrayList<>();
          for (Row row : rs.currentPage()) {
            var read = read(row, meter, channel, StoreCodec.meterTime(row.getInstant("read_at")));
            // Rows stored before posting times were kept count as posted when received.
            Instant posted = row.getInstant("posted_at");
            reads.add(new PostedRead(read, posted == null ? read.receivedAt() : posted));
          }
          return reads;
        });
  }

  /** The newest read taken before {@code before}. */
  public CompletionStage<Optional<RegisterRead>> newestBefore(MeterId meter, Channel channel, LocalDateTime before) {
    return db.executeAsync(newestBefore.bind(meter.value(), channel.name(), StoreCodec.wallClock(before)))
        .thenApply(rs -> Optional.ofNullable(rs.one())
            .map(row -> read(row, meter, channel, StoreCodec.meterTime(row.getInstant("read_at")))));
  }

  private static RegisterRead read(Row row, MeterId meter, Channel channel, LocalDateTime readAt) {
    return new RegisterRead(meter, new Channel(channel.name(), row.getString("unit")), readAt, row.getLong("reading"),
        row.getInt("scale"), ReadingSource.valueOf(row.getString("source")), row.getInstant("received_at"),
        row.getLong("revision"));
  }
}
