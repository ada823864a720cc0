package org.adcs.scheduler.massread;

/**
 * How the mass read desk runs operators' mass reads (R-OD-3).
 *
 * @param maxRunning         jobs running at once; more are refused until one ends
 * @param keepFinished       ended jobs whose final progress stays readable, the oldest forgotten first
 * @param defaultConcurrency reads one job keeps outstanding when the operator names no figure; the
 *                           workload manager's global budget caps all jobs together in any case
 */
public record MassReadSettings(int maxRunning, int keepFinished, int defaultConcurrency) {

  public MassReadSettings {
    if (maxRunning < 1 || maxRunning > 100) {
      throw new IllegalArgumentException("max-running must be 1..100, was " + maxRunning);
    }
    if (keepFinished < 0 || keepFinished > 10_000) {
      throw new IllegalArgumentException("keep-finished must be 0..10000, was " + keepFinished);
    }
    if (defaultConcurrency < 1 || defaultConcurrency > MassReadJob.MAX_CONCURRENCY) {
      throw new IllegalArgumentException("default-concurrency must be 1.." + MassReadJob.MAX_CONCURRENCY + ", was " + defaultConcurrency);
    }
  }
}
