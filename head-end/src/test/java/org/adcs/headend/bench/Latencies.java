package org.adcs.headend.bench;

import java.util.Arrays;

/** Latencies of one measurement window, kept whole (a few thousand samples) so percentiles are exact. */
final class Latencies {

  private long[] nanos = new long[1024];
  private int count;
  private int failed;

  synchronized void record(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  synchronized void failure() {
    failed++;
  }

  synchronized int count() {
    return count;
  }

  synchronized int failed() {
    return failed;
  }

  /** The q-quantile in milliseconds (nearest rank), NaN without samples. */
  synchronized double quantileMillis(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
  }

  /** How many latencies exceed {@code millis}: with a few hundred reads, p99 is the 2nd to 5th worst. */
  synchronized int over(double millis) {
    long limit = (long) (millis * 1e6);
    return (int) Arrays.stream(nanos, 0, count).filter(n -> n > limit).count();
  }

  synchronized double maxMillis() {
    return count == 0 ? Double.NaN : Arrays.stream(nanos, 0, count).max().getAsLong() / 1e6;
  }

  String summary() {
    return String.format("%d reads, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d failed", count(), quantileMillis(0.50),
        quantileMillis(0.99), maxMillis(), failed());
  }
}
