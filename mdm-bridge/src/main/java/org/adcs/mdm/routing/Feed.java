package org.adcs.mdm.routing;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.adcs.mdm.store.BoundedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable feed of notifications (meter events, R-EV-2, or validated readings, R-COL-2) for
 * server-sent-event streams, kept for {@link #RETENTION}: each client reads it at its own pace from
 * its own position and resumes from its last one.
 *
 * <p>An entry's position is the writer's clock when it is written, not the notification's own time
 * (an event received days ago and projected now lands at the present, where readers are). Readers
 * take only entries at least {@code settle} old, so every entry before a position a reader has passed
 * had landed when it passed: exact, without looking back. That holds while a write lands within
 * {@code settle} of its position: a writer whose write took more than half of it (a loaded store)
 * writes the entry again at a fresh position, so a reader that passed the first may read it twice,
 * never not at all. Clocks of the nodes writing must agree to well within half of {@code settle}.
 *
 * <p>Writing the same notification again (a replayed projection) adds nothing: each key's position is
 * kept, and a key already in the feed is not written again.
 */
public final class Feed {

  public static final Duration RETENTION = Duration.ofDays(7);
  public static final String EVENTS = "events";
  public static final String READINGS = "readings";
  private static final int MAX_REWRITES = 3;
  private static final Logger log = LoggerFactory.getLogger(Feed.class);

  private final BoundedSession db;
  private final String name;
  private final Clock clock;
  private final Duration settle;
  private final Executor continuations;
  private final AtomicLong lastMicros = new AtomicLong();
  private final PreparedStatement insert;
  private final PreparedStatement after;
  private final PreparedStatement findKey;
  private final PreparedStatement insertKey;

  /**
   * @param continuations where work after a store answer runs: writing on goes through the bounded
   *                      session, which may block, and must not on the driver's I/O thread
   */
  public Feed(BoundedSession db, String keyspace, String name, Clock clock, Duration settle, Executor continuations) {
    if (settle.isNegative() || settle.isZero()) {
      throw new IllegalArgumentException("a feed's settle time must be positive");
    }
    this.db = db;
    this.name = name;
    this.clock = clock;
    this.settle = settle;
    this.continuations = continuations;
    var s = db.session();
    insert = s.prepare("INSERT INTO " + keyspace + ".feed (feed, hour, position, meter_id, item, kind, payload)"
        + " VALUES (?,?,?,?,?,?,?)");
    after = s.prepare("SELECT * FROM " + keyspace + ".feed WHERE feed = ? AND hour = ?"
        + " AND (position, meter_id, item) > (?, ?, ?) LIMIT ?");
    findKey = s.prepare("SELECT position FROM " + keyspace + ".feed_keys WHERE feed = ? AND meter_id = ? AND item = ?");
    insertKey = s.prepare("INSERT INTO " + keyspace + ".feed_keys (feed, meter_id, item, position) VALUES (?,?,?,?)");
  }

  /** A place in the feed, in reading order: the write clock in microseconds, then the key. */
  public record Position(long micros, String meterId, String item) implements Comparable<Position> {

    /** A position before every entry written at {@code at} or later. */
    public static Position before(Instant at) {
      return new Position(Feed.micros(at), "", "");
    }

    public Instant at() {
      return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    @Override
    public int compareTo(Position o) {
      int byTime = Long.compare(micros, o.micros);
      if (byTime != 0) {
        return byTime;
      }
      int byMeter = meterId.compareTo(o.meterId);
      return byMeter != 0 ? byMeter : item.compareTo(o.item);
    }
  }

  /** One notification in the feed. */
  public record Entry(Position position, OutboxEntry.Kind kind, String payload) {
    public String key() {
      return position.meterId() + ":" + position.item();
    }
  }

  /** Settled entries after a position, and where to read next. */
  public record Page(List<Entry> entries, Position next) {}

  public String name() {
    return name;
  }

  public Duration settle() {
    return settle;
  }

  /** Adds the notification (its meter, item, kind and payload) unless its key is in the feed already. */
  public CompletionStage<Void> add(OutboxEntry notification) {
    return db.executeAsync(findKey.bind(name, notification.meterId(), notification.item()).setIdempotent(true))
        .thenComposeAsync(found -> found.one() != null ? CompletableFuture.<Void>completedFuture(null)
            : place(notification, 0).thenComposeAsync(position -> db.executeAsync(insertKey.bind(name,
                notification.meterId(), notification.item(), position.micros()).setIdempotent(true)), continuations)
                .thenApply(written -> null), continuations);
  }

  private CompletionStage<Position> place(OutboxEntry n, int rewrites) {
    long micros = nextMicros();
    long began = System.nanoTime();
    return db.executeAsync(insert.bind(name, hourStart(micros), micros, n.meterId(), n.item(), n.kind().name(), n.payload())
        .setIdempotent(true)).thenComposeAsync(written -> {
          long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
          if (tookMillis * 2 <= settle.toMillis()) {
            return CompletableFuture.completedFuture(new Position(micros, n.meterId(), n.item()));
          }
          if (rewrites >= MAX_REWRITES) {
            log.warn("feed {}: {}:{} took {} ms to write {} times over; streams reading then may have passed it",
                name, n.meterId(), n.item(), tookMillis, rewrites + 1);
            return CompletableFuture.completedFuture(new Position(micros, n.meterId(), n.item()));
          }
          // Readers may have passed its position before it landed: put it where they are now.
          return place(n, rewrites + 1);
        }, continuations);
  }

  /** The writer's clock in microseconds, strictly increasing within this feed. */
  private long nextMicros() {
    long now = micros(clock.instant());
    return lastMicros.updateAndGet(last -> Math.max(now, last + 1));
  }

  /** The position a new client without a Last-Event-ID starts from: the settled present. */
  public Position now() {
    return Position.before(settledUntil());
  }

  /** The oldest position still kept. */
  public Position oldest() {
    return Position.before(clock.instant().minus(RETENTION));
  }

  /** Up to {@code limit} settled entries after {@code position}, reading on over empty hours. */
  public CompletionStage<Page> after(Position position, int limit) {
    return read(position, limit, micros(settledUntil()));
  }

  private CompletionStage<Page> read(Position position, int limit, long settled) {
    long hour = hour(position.micros());
    return db.executeAsync(after.bind(name, hourStart(hour), position.micros(), position.meterId(),
        position.item(), limit).setIdempotent(true)).thenComposeAsync(rs -> {
          List<Entry> ready = new ArrayList<>();
          boolean unsettled = false;
          for (Row row : rs.currentPage()) {
            long micros = row.getLong("position");
            if (micros >= settled) {
              unsettled = true; // a write from before it may still be landing
              break;
            }
            ready.add(new Entry(new Position(micros, row.getString("meter_id"), row.getString("item")),
                OutboxEntry.Kind.valueOf(row.getString("kind")), row.getString("payload")));
          }
          if (!ready.isEmpty()) {
            return CompletableFuture.completedFuture(new Page(ready, ready.get(ready.size() - 1).position()));
          }
          long nextHour = hour + 3_600_000_000L;
          if (!unsettled && nextHour <= settled) {
            return read(new Position(nextHour, "", ""), limit, settled);
          }
          return CompletableFuture.completedFuture(new Page(List.of(), position));
        }, continuations);
  }

  private Instant settledUntil() {
    return clock.instant().minus(settle);
  }

  private static long hour(long micros) {
    return Math.floorDiv(micros, 3_600_000_000L) * 3_600_000_000L;
  }

  private static Instant hourStart(long micros) {
    return Instant.ofEpochMilli(hour(micros) / 1_000L);
  }

  static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }
}
