package org.adcs.scheduler.massread;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counts of a mass read and the rate and end estimate derived from them with the clock. */
public final class ProgressMeter {

  private final String jobId;
  private final Clock clock;
  private final Instant started;
  private long found;
  private boolean allFound;
  private long done;
  private long failed;
  private Instant finishedAt;

  public ProgressMeter(String jobId, Clock clock) {
    this.jobId = jobId;
    this.clock = clock;
    this.started = clock.instant();
  }

  public void found(long meters) {
    found += meters;
  }

  public void allFound() {
    allFound = true;
  }

  public void done() {
    done++;
  }

  public void failed() {
    failed++;
  }

  public boolean finishedDiscovery() {
    return allFound;
  }

  public long remaining() {
    return found - done - failed;
  }

  public boolean finished() {
    return allFound && remaining() == 0;
  }

  /** Freezes the clock of the progress: rate and end no longer move after the job stopped. */
  public void stop() {
    if (finishedAt == null) {
      finishedAt = clock.instant();
    }
  }

  public MassReadProgress snapshot(MassReadProgress.State state) {
    Instant now = finishedAt != null ? finishedAt : clock.instant();
    double minutes = Duration.between(started, now).toMillis() / 60_000.0;
    long finishedReads = done + failed;
    double rate = minutes > 0 ? finishedReads / minutes : 0;
    Optional<Instant> end = Optional.empty();
    if (state == MassReadProgress.State.RUNNING && allFound && rate > 0) {
      end = Optional.of(now.plusMillis((long) (remaining() / rate * 60_000)));
    } else if (finishedAt != null) {
      end = Optional.of(finishedAt);
    }
    return new MassReadProgress(jobId, state, found, allFound, done, failed, remaining(), rate, end);
  }
}
