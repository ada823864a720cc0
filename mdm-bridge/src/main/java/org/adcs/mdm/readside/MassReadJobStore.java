package org.adcs.mdm.readside;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/**
 * The mass reads the scheduler's desk accepted and how each ended (R-OD-3), so an accepted mass read
 * outlives the node that ran it. Jobs are few (a handful a day, each kept a month), so they share one
 * partition and are read whole. Target and progress are opaque text (the head-end writes JSON).
 */
public final class MassReadJobStore {

  /** One partition: the jobs of a month fit easily, and reading them all is one query. */
  private static final int BUCKET = 0;
  private static final int PAGE_ROWS = 500;

  /** A stored job; {@code ended} is empty while it has not ended. */
  public record StoredJob(String jobId, Instant acceptedAt, int concurrency, String target, Optional<String> ended) {}

  private final BoundedSession db;
  private final PreparedStatement accept;
  private final PreparedStatement end;
  private final PreparedStatement all;

  public MassReadJobStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    accept = s.prepare("INSERT INTO " + keyspace + ".mass_read_jobs (bucket, job_id, accepted_at, concurrency, target)"
        + " VALUES (?,?,?,?,?)");
    end = s.prepare("UPDATE " + keyspace + ".mass_read_jobs SET ended = ?, ended_at = ? WHERE bucket = ? AND job_id = ?");
    all = s.prepare("SELECT job_id, accepted_at, concurrency, target, ended FROM " + keyspace
        + ".mass_read_jobs WHERE bucket = ?");
  }

  public CompletionStage<Void> accept(String jobId, Instant acceptedAt, int concurrency, String target) {
    return db.executeAsync(accept.bind(BUCKET, jobId, acceptedAt, concurrency, target).setIdempotent(true))
        .thenApply(rs -> null);
  }

  public CompletionStage<Void> end(String jobId, String progress, Instant endedAt) {
    return db.executeAsync(end.bind(progress, endedAt, BUCKET, jobId).setIdempotent(true)).thenApply(rs -> null);
  }

  /** Every job kept, in job id order; a job whose acceptance has expired (only its end is left) is not one. */
  public CompletionStage<List<StoredJob>> all() {
    List<StoredJob> jobs = new ArrayList<>();
    return db.executeAsync(all.bind(BUCKET).setPageSize(PAGE_ROWS)).thenCompose(rs -> collect(rs, jobs))
        .thenApply(done -> jobs);
  }

  private CompletionStage<Void> collect(AsyncResultSet rs, List<StoredJob> jobs) {
    for (Row row : rs.currentPage()) {
      if (!row.isNull("target")) {
        jobs.add(new StoredJob(row.getString("job_id"), row.getInstant("accepted_at"), row.getInt("concurrency"),
            row.getString("target"), Optional.ofNullable(row.getString("ended"))));
      }
    }
    return rs.hasMorePages() ? rs.fetchNextPage().thenCompose(next -> collect(next, jobs))
        : CompletableFuture.completedFuture(null);
  }
}
