package org.adcs.scheduler.massread;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Where the mass read desk keeps the jobs it accepted (R-OD-3), so that an accepted mass read is not
 * lost when the desk moves to another node or the cluster restarts: a job is recorded before the
 * operator is told it started, and its final progress when it ends. A job recorded and not ended is
 * started again by the next desk; it reads its whole target again (a read of data already held stores
 * nothing new), so nothing the operator asked for is skipped.
 */
public interface MassReadLedger {

  /** A job as accepted: enough to start it again. */
  record AcceptedJob(String jobId, MassReadTarget target, int concurrency, Instant acceptedAt) {
    public AcceptedJob {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
  }

  /** What the ledger holds: jobs to start again, and the last ended ones (newest first) to answer for. */
  record Holdings(List<AcceptedJob> unfinished, List<MassReadProgress> ended) {
    public Holdings {
      unfinished = List.copyOf(unfinished);
      ended = List.copyOf(ended);
    }
  }

  CompletionStage<Void> accepted(AcceptedJob job);

  CompletionStage<Void> ended(MassReadProgress last);

  /** @param endedLimit at most this many ended jobs */
  CompletionStage<Holdings> holdings(int endedLimit);

  /** A ledger that keeps nothing: jobs last as long as the desk (for tools and tests that want no store). */
  MassReadLedger NONE = new MassReadLedger() {
    @Override
    public CompletionStage<Void> accepted(AcceptedJob job) {
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> ended(MassReadProgress last) {
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Holdings> holdings(int endedLimit) {
      return java.util.concurrent.CompletableFuture.completedFuture(new Holdings(List.of(), List.of()));
    }
  };
}
