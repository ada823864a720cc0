package org.adcs.headend.bridge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.adcs.headend.journal.JournalPool;
import org.adcs.headend.journal.JournalSchema;
import org.adcs.headend.journal.JournalSettings;

/** Projection offsets in the journal database (schema V2), read and written on a blocking executor. */
public final class ProjectionOffsets {

  private final JournalSettings journal;
  private final JournalPool.Connections connections;
  private final Executor blocking;
  private final Clock clock;
  private final String table;
  private final String projection;
  private final String tagColumn;
  private final String offsetColumn;

  /** Offsets over connections of their own (tests, tools). */
  public ProjectionOffsets(JournalSettings journal, Executor blocking, Clock clock) {
    this(journal, () -> JournalSchema.connect(journal), blocking, clock);
  }

  /** Offsets over the journal plugin's pool: a running head-end stores them every second per slice. */
  public static ProjectionOffsets pooled(akka.actor.typed.ActorSystem<?> system, JournalSettings journal,
      Executor blocking, Clock clock) {
    return new ProjectionOffsets(journal, JournalPool.of(system), blocking, clock);
  }

  private ProjectionOffsets(JournalSettings journal, JournalPool.Connections connections, Executor blocking,
      Clock clock) {
    this.journal = journal;
    this.connections = connections;
    this.blocking = blocking;
    this.clock = clock;
    boolean h2 = journal.vendor() == JournalSettings.Vendor.H2;
    this.table = h2 ? "\"projection_offset\"" : "projection_offset";
    this.projection = h2 ? "\"projection\"" : "projection";
    this.tagColumn = h2 ? "\"tag\"" : "tag";
    this.offsetColumn = "\"offset\"";
  }

  /** The last offset processed for {@code tag}, 0 when the projection has not started. */
  public CompletionStage<Long> load(String name, String tag) {
    return CompletableFuture.supplyAsync(() -> {
      try (Connection c = connections.open();
          PreparedStatement s = c.prepareStatement("SELECT " + offsetColumn + " FROM " + table + " WHERE " + projection
              + " = ? AND " + tagColumn + " = ?")) {
        s.setString(1, name);
        s.setString(2, tag);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read projection offset " + name + "/" + tag + ": " + e.getMessage(), e);
      }
    }, blocking);
  }

  public CompletionStage<Long> save(String name, String tag, long offset) {
    return CompletableFuture.supplyAsync(() -> {
      try (Connection c = connections.open()) {
        String set = "UPDATE " + table + " SET " + offsetColumn + " = ?, " + (journal.vendor() == JournalSettings.Vendor.H2
            ? "\"updated_at\"" : "updated_at") + " = ? WHERE " + projection + " = ? AND " + tagColumn + " = ?";
        try (PreparedStatement update = c.prepareStatement(set)) {
          update.setLong(1, offset);
          update.setTimestamp(2, Timestamp.from(clock.instant()));
          update.setString(3, name);
          update.setString(4, tag);
          if (update.executeUpdate() == 0) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
              insert.setString(1, name);
              insert.setString(2, tag);
              insert.setLong(3, offset);
              insert.setTimestamp(4, Timestamp.from(clock.instant()));
              insert.executeUpdate();
            }
          }
        }
        return offset;
      } catch (SQLException e) {
        throw new IllegalStateException("cannot store projection offset " + name + "/" + tag + ": " + e.getMessage(), e);
      }
    }, blocking);
  }
}
