package org.adcs.mdm.readside;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/**
 * The scheduler's records in the store: run reports by kind and run key (R-SCH-3, R-SCH-4,
 * R-MIS-1..3) and the per-meter missing-data history (R-MIS-5). Bodies are opaque text (the head-end
 * writes JSON); saving the same run or line again overwrites it with the same content.
 */
public final class SchedulerRecordStore {

  /** Characters per stored part: well below Cassandra's default 16 MB mutation limit even as UTF-8. */
  static final int PART_CHARS = 512 * 1024;

  private final BoundedSession db;
  private final PreparedStatement saveRun;
  private final PreparedStatement savePart;
  private final PreparedStatement latestRuns;
  private final PreparedStatement runsBetween;
  private final PreparedStatement parts;
  private final PreparedStatement saveLine;
  private final PreparedStatement history;

  public SchedulerRecordStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    saveRun = s.prepare("INSERT INTO " + ks + "scheduler_runs (kind, run_key, parts, saved_at) VALUES (?,?,?,?)");
    savePart = s.prepare("INSERT INTO " + ks + "scheduler_run_parts (kind, run_key, part, body) VALUES (?,?,?,?)");
    latestRuns = s.prepare("SELECT run_key, parts FROM " + ks + "scheduler_runs WHERE kind = ? LIMIT ?");
    runsBetween = s.prepare("SELECT run_key FROM " + ks + "scheduler_runs WHERE kind = ? AND run_key >= ? AND run_key < ? LIMIT ?");
    parts = s.prepare("SELECT body FROM " + ks + "scheduler_run_parts WHERE kind = ? AND run_key = ?");
    saveLine = s.prepare("INSERT INTO " + ks + "missing_data_history (meter_id, run_day, line) VALUES (?,?,?)");
    history = s.prepare("SELECT run_day, line FROM " + ks + "missing_data_history WHERE meter_id = ?");
  }

  /** Saves a run's body; the run row goes last, so a run is listed only once all its parts are in. */
  public CompletionStage<Void> saveRun(String kind, String runKey, String body, Instant savedAt) {
    List<String> chunks = new ArrayList<>();
    for (int from = 0; from < body.length(); from += PART_CHARS) {
      chunks.add(body.substring(from, Math.min(body.length(), from + PART_CHARS)));
    }
    if (chunks.isEmpty()) {
      chunks.add("");
    }
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      indexes.add(i);
    }
    return BoundedFanOut.map(indexes, 4, i -> db.executeAsync(savePart.bind(kind, runKey, i, chunks.get(i)).setIdempotent(true)))
        .thenCompose(done -> db.executeAsync(saveRun.bind(kind, runKey, chunks.size(), savedAt).setIdempotent(true)))
        .thenApply(rs -> null);
  }

  /** Run keys of a kind, newest (greatest key) first. */
  public CompletionStage<List<String>> latestRunKeys(String kind, int limit) {
    return db.executeAsync(latestRuns.bind(kind, limit)).thenApply(rs -> {
      List<String> keys = new ArrayList<>();
      for (Row row : rs.currentPage()) {
        keys.add(row.getString("run_key"));
      }
      return keys;
    });
  }

  /** Run keys of a kind from {@code from} (included) to {@code to} (excluded), newest first. */
  public CompletionStage<List<String>> runKeysBetween(String kind, String from, String to, int limit) {
    return db.executeAsync(runsBetween.bind(kind, from, to, limit)).thenApply(rs -> {
      List<String> keys = new ArrayList<>();
      for (Row row : rs.currentPage()) {
        keys.add(row.getString("run_key"));
      }
      return keys;
    });
  }

  public CompletionStage<Optional<String>> run(String kind, String runKey) {
    return db.executeAsync(parts.bind(kind, runKey)).thenCompose(rs -> {
      StringBuilder body = new StringBuilder();
      return readAll(rs, body).thenApply(found -> found ? Optional.of(body.toString()) : Optional.empty());
    });
  }

  private static CompletionStage<Boolean> readAll(com.datastax.oss.driver.api.core.cql.AsyncResultSet rs, StringBuilder body) {
    boolean any = false;
    for (Row row : rs.currentPage()) {
      body.append(row.getString("body"));
      any = true;
    }
    boolean found = any;
    if (rs.hasMorePages()) {
      return rs.fetchNextPage().thenCompose(next -> readAll(next, body)).thenApply(more -> found || more);
    }
    return CompletableFuture.completedFuture(found);
  }

  public CompletionStage<Void> recordMissing(String meterId, LocalDate runDay, String line) {
    return db.executeAsync(saveLine.bind(meterId, runDay, line).setIdempotent(true)).thenApply(rs -> null);
  }

  /** A meter's history lines, newest run first. */
  public CompletionStage<List<String>> missingHistory(String meterId) {
    return db.executeAsync(history.bind(meterId)).thenApply(rs -> {
      List<String> lines = new ArrayList<>();
      for (Row row : rs.currentPage()) {
        lines.add(row.getString("line"));
      }
      return lines;
    });
  }
}
