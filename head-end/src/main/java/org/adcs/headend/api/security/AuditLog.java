package org.adcs.headend.api.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every access to the API (R-OPS-1): who, in which role, what, when, with what status and how many
 * bytes. A request takes a place in a bounded buffer before it is served ({@link #reserve}); a writer
 * thread stores the records in batches, retrying while the database is away, and frees the places
 * only once they are stored. So a full buffer refuses new requests rather than serving them
 * unrecorded, and memory stays bounded. Records older than the retention are purged hourly.
 */
public final class AuditLog implements AutoCloseable {

  public record Access(Instant at, Optional<String> principal, Optional<Role> role, String method, String path,
      List<String> meterIds, int status, long responseBytes, long durationMs) {}

  public record Entry(long id, Access access) {}

  /** Entries in id order; {@code next} is the id to continue after when there may be more. */
  public record Page(List<Entry> entries, Optional<Long> next) {}

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final int BATCH = 500;
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  private final DataSource db;
  private final Duration retention;
  private final Clock clock;
  private final Semaphore places;
  private final LinkedBlockingQueue<Access> pending = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closing;
  private Instant lastPurge = Instant.MIN;

  public AuditLog(DataSource db, int buffer, Duration retention, Clock clock) {
    this.db = db;
    this.retention = retention;
    this.clock = clock;
    this.places = new Semaphore(buffer);
    this.writer = new Thread(this::write, "api-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Takes a place for one access record; false when the buffer is full (the store is behind or down). */
  boolean reserve() {
    return !closing && places.tryAcquire();
  }

  /** Stores the record of an access that holds a place. */
  void record(Access access) {
    pending.add(access);
  }

  /**
   * Records a delivery made without a request of its own, such as a bulk extract's run (R-DAT-2: the
   * amount dispatched): method {@code DISPATCH}, what was delivered as the path. Waits up to
   * {@code wait} for a place in the buffer; false if none came free.
   */
  public boolean recordDispatch(String party, String what, List<String> meterIds, long bytes, Duration took,
      Duration wait) throws InterruptedException {
    if (closing || !places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    record(new Access(clock.instant(), Optional.of(party), Optional.empty(), "DISPATCH", what, meterIds, 200, bytes,
        took.toMillis()));
    return true;
  }

  private void write() {
    List<Access> batch = new ArrayList<>(BATCH);
    while (!closing || !pending.isEmpty()) {
      try {
        Access first = pending.poll(1, TimeUnit.SECONDS);
        purgeWhenDue();
        if (first == null) {
          continue;
        }
        batch.add(first);
        pending.drainTo(batch, BATCH - 1);
        storeUntilDone(batch);
        places.release(batch.size());
        batch.clear();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void storeUntilDone(List<Access> batch) throws InterruptedException {
    Duration backoff = Duration.ofMillis(200);
    while (true) {
      try {
        insert(batch);
        return;
      } catch (SQLException e) {
        if (closing) {
          log.error("audit records lost at shutdown, the store is unavailable: {} records, {}", batch.size(),
              e.getMessage());
          return;
        }
        log.warn("audit log store unavailable, retrying in {} ms ({} records waiting): {}", backoff.toMillis(),
            batch.size() + pending.size(), e.getMessage());
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
            : backoff.multipliedBy(2);
      }
    }
  }

  private void insert(List<Access> batch) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO api_audit"
        + " (accessed_at, principal, role_name, http_method, request_path, meter_ids, status, response_bytes,"
        + " duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Access a : batch) {
        insert.setObject(1, SecurityStore.utc(a.at()));
        insert.setString(2, a.principal().orElse(null));
        insert.setString(3, a.role().map(Role::wire).orElse(null));
        insert.setString(4, a.method());
        insert.setString(5, clip(a.path(), 1024));
        insert.setString(6, a.meterIds().isEmpty() ? null : clip(String.join(",", a.meterIds()), 1024));
        insert.setInt(7, a.status());
        insert.setLong(8, a.responseBytes());
        insert.setLong(9, a.durationMs());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void purgeWhenDue() {
    Instant now = clock.instant();
    if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
      return;
    }
    lastPurge = now;
    try (Connection c = db.getConnection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM api_audit WHERE accessed_at < ?")) {
      delete.setObject(1, SecurityStore.utc(now.minus(retention)));
      int purged = delete.executeUpdate();
      if (purged > 0) {
        log.info("audit log: purged {} records older than {}", purged, retention);
      }
    } catch (SQLException e) {
      log.warn("audit log purge failed, retried in {}: {}", PURGE_EVERY, e.getMessage());
    }
  }

  /** Records of {@code who} (or everyone) accessed in [from, to), after the entry {@code after}. */
  public Page query(Optional<String> who, Instant from, Instant to, long after, int limit) {
    String sql = "SELECT id, accessed_at, principal, role_name, http_method, request_path, meter_ids, status,"
        + " response_bytes, duration_ms FROM api_audit WHERE accessed_at >= ? AND accessed_at < ? AND id > ?"
        + (who.isPresent() ? " AND principal = ?" : "") + " ORDER BY id LIMIT ?";
    try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
      int i = 1;
      q.setObject(i++, SecurityStore.utc(from));
      q.setObject(i++, SecurityStore.utc(to));
      q.setLong(i++, after);
      if (who.isPresent()) {
        q.setString(i++, who.get());
      }
      q.setInt(i, limit + 1);
      List<Entry> entries = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String meters = rs.getString(7);
          entries.add(new Entry(rs.getLong(1), new Access(SecurityStore.instant(rs, 2),
              Optional.ofNullable(rs.getString(3)), Optional.ofNullable(rs.getString(4)).flatMap(Role::parse),
              rs.getString(5), rs.getString(6), meters == null ? List.of() : Arrays.asList(meters.split(",")),
              rs.getInt(8), rs.getLong(9), rs.getLong(10))));
        }
      }
      if (entries.size() > limit) {
        entries.remove(limit);
        return new Page(entries, Optional.of(entries.get(limit - 1).id()));
      }
      return new Page(entries, Optional.empty());
    } catch (SQLException e) {
      throw new SecurityStore.StoreFailure("read the audit log", e);
    }
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** Stores what is buffered (for up to 10 s), then stops the writer. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.interrupt();
  }
}
