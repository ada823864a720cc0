package org.adcs.scheduler.port;

/** What came of one read request. */
public sealed interface ReadOutcome {

  String meterId();

  /**
   * Data came back. {@code intervalsReceived} of {@code intervalsRequested} were delivered; fewer
   * means a partial recovery. {@code path} names the retrieval path that R-MIS-1 asks to log
   * (connection kind, node).
   */
  record Collected(String meterId, int intervalsRequested, int intervalsReceived, String path) implements ReadOutcome {
    public Collected {
      if (intervalsRequested < 0 || intervalsReceived < 0 || intervalsReceived > intervalsRequested) {
        throw new IllegalArgumentException(
            "intervals received " + intervalsReceived + " must be within 0.." + intervalsRequested);
      }
    }

    public boolean complete() {
      return intervalsReceived == intervalsRequested;
    }
  }

  /** No valid answer (timeout, refused, no connection); {@code reason} is for the log and the report. */
  record Failed(String meterId, String reason) implements ReadOutcome {}

  /** The workload manager refused the request because the queue for its priority is full (R-OD-4). */
  record Rejected(String meterId, String reason) implements ReadOutcome {}
}
