package org.adcs.headend.alerts;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.journal.JournalSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator notices kept in the journal database (table {@code operator_alert}), with who
 * acknowledged each and when, so acknowledgements outlive restarts and are shared by every node.
 * Raising never blocks: a notice waits in a bounded queue for one writer thread, which retries while
 * the database is away; when the queue is full the notice is only logged (the {@code operator} log
 * line is the full record). An acknowledgement is answered only once it is stored.
 */
public final class OperatorNotifications implements Notices, AutoCloseable {

  /** A stored notice and its acknowledgement, if any. */
  public record Stored(long id, Notice notice, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt) {}

  /** Newest first; {@code next} is the id to continue before when there may be more. */
  public record Page(List<Stored> alerts, Optional<Long> next) {}

  public enum Acknowledgement { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, UNKNOWN }

  /** Thrown when the database cannot answer. */
  public static final class StoreFailure extends RuntimeException {
    StoreFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static final int QUEUE = 10_000;
  private static final String UNIQUE_VIOLATION = "23505";
  private static final Logger log = LoggerFactory.getLogger(OperatorNotifications.class);

  private final HikariDataSource db;
  private final Clock clock;
  private final BlockingQueue<Notice> pending = new ArrayBlockingQueue<>(QUEUE);
  private final Thread writer;
  private volatile boolean closing;

  private OperatorNotifications(HikariDataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.writer = new Thread(this::write, "operator-alert-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** After the journal schema is migrated; a small connection pool of its own. */
  public static OperatorNotifications start(JournalSettings journal, Clock clock) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("operator-alerts");
    config.setJdbcUrl(journal.url());
    config.setUsername(journal.user());
    config.setPassword(journal.password());
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Math.max(1000, journal.connectTimeout().toMillis()));
    config.setInitializationFailTimeout(-1);
    return new OperatorNotifications(new HikariDataSource(config), clock);
  }

  @Override
  public void raise(Notice notice) {
    java.util.Objects.requireNonNull(notice, "notice");
    if (closing || !pending.offer(notice)) {
      log.warn("operator notice not stored (the alert store is behind): {} {} {}", notice.kind().wire(),
          notice.meterId().orElse("-"), notice.detail());
    }
  }

  private void write() {
    while (!closing || !pending.isEmpty()) {
      Notice next;
      try {
        next = pending.poll(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next == null) {
        continue;
      }
      for (long backoff = 100; ; backoff = Math.min(backoff * 2, 5_000)) {
        try {
          store(next);
          break;
        } catch (SQLException e) {
          if (closing) {
            log.warn("operator notice not stored at shutdown: {} ({})", next, e.getMessage());
            break;
          }
          log.warn("operator notice not stored yet, retrying in {} ms: {}", backoff, e.getMessage());
          try {
            TimeUnit.MILLISECONDS.sleep(backoff);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }
  }

  private void store(Notice n) throws SQLException {
    try (Connection c = db.getConnection()) {
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM operator_alert WHERE alert_key = ?")) {
        exists.setString(1, n.key());
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO operator_alert"
          + " (alert_key, kind, meter_id, raised_at, detail) VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, n.key());
        insert.setString(2, n.kind().wire());
        insert.setString(3, n.meterId().orElse(null));
        insert.setObject(4, utc(n.raisedAt()));
        insert.setString(5, n.detail());
        insert.executeUpdate();
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e; // another node stored the same notice first otherwise
        }
      }
    }
  }

  /**
   * @param openOnly only those nobody has acknowledged
   * @param before   continue below this id (from the previous page's {@code next})
   */
  public Page list(boolean openOnly, Optional<Long> before, int limit) {
    String sql = "SELECT id, alert_key, kind, meter_id, raised_at, detail, acknowledged_by, acknowledged_at"
        + " FROM operator_alert WHERE id < ?" + (openOnly ? " AND acknowledged_at IS NULL" : "")
        + " ORDER BY id DESC LIMIT ?";
    try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, before.orElse(Long.MAX_VALUE));
      q.setInt(2, limit + 1);
      List<Stored> rows = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      if (rows.size() > limit) {
        rows = rows.subList(0, limit);
        return new Page(List.copyOf(rows), Optional.of(rows.get(limit - 1).id()));
      }
      return new Page(List.copyOf(rows), Optional.empty());
    } catch (SQLException e) {
      throw new StoreFailure("operator alerts could not be read: " + e.getMessage(), e);
    }
  }

  /** How many notices nobody has acknowledged yet. */
  public long openCount() {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM operator_alert WHERE acknowledged_at IS NULL");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreFailure("operator alerts could not be counted: " + e.getMessage(), e);
    }
  }

  /** Records who acknowledged notice {@code id}; the first acknowledgement stands. */
  public Acknowledgement acknowledge(long id, String by) {
    try (Connection c = db.getConnection()) {
      try (PreparedStatement update = c.prepareStatement("UPDATE operator_alert SET acknowledged_by = ?,"
          + " acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL")) {
        update.setString(1, by);
        update.setObject(2, utc(clock.instant()));
        update.setLong(3, id);
        if (update.executeUpdate() == 1) {
          return Acknowledgement.ACKNOWLEDGED;
        }
      }
      return find(c, id).isPresent() ? Acknowledgement.ALREADY_ACKNOWLEDGED : Acknowledgement.UNKNOWN;
    } catch (SQLException e) {
      throw new StoreFailure("the acknowledgement could not be stored: " + e.getMessage(), e);
    }
  }

  public Optional<Stored> find(long id) {
    try (Connection c = db.getConnection()) {
      return find(c, id);
    } catch (SQLException e) {
      throw new StoreFailure("operator alert " + id + " could not be read: " + e.getMessage(), e);
    }
  }

  private static Optional<Stored> find(Connection c, long id) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT id, alert_key, kind, meter_id, raised_at, detail,"
        + " acknowledged_by, acknowledged_at FROM operator_alert WHERE id = ?")) {
      q.setLong(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static Stored row(ResultSet rs) throws SQLException {
    Notice notice = new Notice(rs.getString(2), Notice.Kind.parse(rs.getString(3)).orElse(Notice.Kind.READ_FAILED),
        Optional.ofNullable(rs.getString(4)), rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
        rs.getString(6));
    return new Stored(rs.getLong(1), notice, Optional.ofNullable(rs.getString(7)),
        Optional.ofNullable(rs.getObject(8, LocalDateTime.class)).map(t -> t.toInstant(ZoneOffset.UTC)));
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** Stores what is queued (for up to five seconds), then closes the pool. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    db.close();
  }
}
