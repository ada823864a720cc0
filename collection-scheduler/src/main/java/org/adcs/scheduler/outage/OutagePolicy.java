package org.adcs.scheduler.outage;

/**
 * When failures look like a large outage and how far recovery slows down then (R-MIS-6).
 *
 * @param failingShare more than this share of the meter population failing is an outage (default 10 %)
 * @param pacedConcurrency recovery reads in flight while paced
 */
public record OutagePolicy(double failingShare, int pacedConcurrency) {

  public static final OutagePolicy DEFAULT = new OutagePolicy(0.10, 4);

  public OutagePolicy {
    if (!(failingShare > 0 && failingShare < 1)) {
      throw new IllegalArgumentException("outage failing share must be in (0, 1), was " + failingShare);
    }
    if (pacedConcurrency < 1) {
      throw new IllegalArgumentException("paced concurrency must be at least 1, was " + pacedConcurrency);
    }
  }
}
