package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.LocalDateTime;
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

  public RegisterStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    insert = s.prepare("INSERT INTO " + keyspace + ".register_reads (meter_id, channel, read_at, reading, scale, unit,"
        + " source, received_at, revision) VALUES (?,?,?,?,?,?,?,?,?) USING TIMESTAMP ?");
    at = s.prepare("SELECT * FROM " + keyspace + ".register_reads WHERE meter_id = ? AND channel = ? AND read_at = ?");
  }

  public CompletionStage<AsyncResultSet> write(RegisterRead read) {
    return db.executeAsync(insert.bind(read.meter().value(), read.channel().name(), StoreCodec.wallClock(read.readAt()),
        read.value(), read.scale(), read.channel().unit(), read.source().name(), read.receivedAt(), read.revision(),
        firstWins(read.revision())).setIdempotent(true));
  }

  static long firstWins(long revision) {
    return (1L << 52) - revision;
  }

  /** The read taken at {@code readAt}, if it was delivered by {@code revision} or earlier. */
  public CompletionStage<Optional<RegisterRead>> readAt(MeterId meter, Channel channel, LocalDateTime readAt, long revision) {
    return readAt(meter, channel, readAt).thenApply(read -> read.filter(r -> r.revision() <= revision));
  }

  public CompletionStage<Optional<RegisterRead>> readAt(MeterId meter, Channel channel, LocalDateTime readAt) {
    return db.executeAsync(at.bind(meter.value(), channel.name(), StoreCodec.wallClock(readAt)))
        .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> new RegisterRead(meter,
            new Channel(channel.name(), row.getString("unit")), readAt, row.getLong("reading"), row.getInt("scale"),
            ReadingSource.valueOf(row.getString("source")), row.getInstant("received_at"), row.getLong("revision"))));
  }
}
