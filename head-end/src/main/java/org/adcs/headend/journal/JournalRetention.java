package org.adcs.headend.journal;

import akka.actor.Cancellable;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.adcs.headend.config.SettingReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the journal from growing without bound (issue: "events already delivered to the store are
 * deleted after a retention period"). An event is deleted only when all of these hold:
 * <ul>
 *   <li>it is older than the retention period ({@code adcs.journal.retention.keep});</li>
 *   <li>every projection named here has delivered it (its offset for the event's tag has passed
 *       it), so the MDM store holds it; untagged events are never deleted;</li>
 *   <li>its entity has a later snapshot, so recovery never needs it: the event at the snapshot's
 *       own sequence number stays, which also keeps the entity's highest sequence number.</li>
 * </ul>
 * Runs in batches on the blocking dispatcher; one SQL text serves H2 and PostgreSQL (quoted
 * lower-case names are the same tables in both).
 */
public final class JournalRetention implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JournalRetention.class);

  /**
   * @param keep  how long delivered events stay in the journal
   * @param every how often the retention runs
   * @param batch events deleted per statement, so one run never holds a long transaction
   */
  public record Settings(boolean enabled, Duration keep, Duration every, int batch) {

    public static Settings from(Config config) {
      SettingReader read = new SettingReader(config);
      String p = "adcs.journal.retention.";
      return new Settings(config.getBoolean(p + "enabled"), read.duration(p + "keep"), read.duration(p + "every"),
          read.integer(p + "batch", 1, 100_000));
    }
  }

  private final JournalSettings journal;
  private final Settings settings;
  private final List<String> projections;
  private final Clock clock;
  private volatile Cancellable schedule;

  public JournalRetention(JournalSettings journal, Settings settings, List<String> projections, Clock clock) {
    if (projections.isEmpty()) {
      throw new IllegalArgumentException("retention needs the projections that must deliver an event first");
    }
    projections.forEach(p -> {
      if (!p.matches("[a-z0-9-]{1,64}")) {
        throw new IllegalArgumentException("projection name " + p + " is not 1-64 of a-z, 0-9 and -");
      }
    });
    this.journal = journal;
    this.settings = settings;
    this.projections = List.copyOf(projections);
    this.clock = clock;
  }

  /** Runs every {@code settings.every()} on the system's blocking dispatcher, the first run after one period. */
  public JournalRetention start(ActorSystem<?> system) {
    if (!settings.enabled()) {
      log.info("journal retention: disabled (adcs.journal.retention.enabled); the journal keeps every event");
      return this;
    }
    scala.concurrent.ExecutionContextExecutor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    schedule = system.scheduler().scheduleAtFixedRate(settings.every(), settings.every(), () -> {
      try {
        runOnce(clock.instant());
      } catch (RuntimeException e) {
        log.warn("journal retention: run failed ({}); it runs again in {}", e.getMessage(), settings.every());
      }
    }, blocking);
    log.info("journal retention: events delivered by {} and older than {} are deleted every {}", projections,
        settings.keep(), settings.every());
    return this;
  }

  /** Deletes what may go as of {@code now}; returns how many events were deleted. */
  public long runOnce(Instant now) {
    long cutoff = now.minus(settings.keep()).toEpochMilli();
    StringBuilder sql = new StringBuilder("DELETE FROM \"event_journal\" WHERE \"ordering\" IN (SELECT j.\"ordering\""
        + " FROM \"event_journal\" j WHERE j.\"write_timestamp\" < ? AND j.\"sequence_number\" < (SELECT"
        + " MAX(s.\"sequence_number\") FROM \"snapshot\" s WHERE s.\"persistence_id\" = j.\"persistence_id\")");
    for (int i = 0; i < projections.size(); i++) {
      sql.append(" AND EXISTS (SELECT 1 FROM \"event_tag\" t JOIN \"projection_offset\" o ON o.\"tag\" = t.\"tag\""
          + " AND o.\"projection\" = ? WHERE t.\"event_id\" = j.\"ordering\" AND o.\"offset\" >= j.\"ordering\")");
    }
    sql.append(" ORDER BY j.\"ordering\" LIMIT ?)");
    long started = System.nanoTime();
    long deleted = 0;
    try (Connection c = JournalSchema.connect(journal); PreparedStatement delete = c.prepareStatement(sql.toString())) {
      int batchDeleted;
      do {
        int n = 1;
        delete.setLong(n++, cutoff);
        for (String projection : projections) {
          delete.setString(n++, projection);
        }
        delete.setInt(n, settings.batch());
        batchDeleted = delete.executeUpdate();
        deleted += batchDeleted;
      } while (batchDeleted == settings.batch());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete delivered journal events from " + journal.displayUrl() + ": "
          + e.getMessage(), e);
    }
    log.info("journal retention: {} delivered events older than {} deleted in {} ms", deleted, settings.keep(),
        (System.nanoTime() - started) / 1_000_000);
    return deleted;
  }

  @Override
  public void close() {
    Cancellable s = schedule;
    if (s != null) {
      s.cancel();
    }
  }
}
