package org.adcs.scheduler.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Time and heap of a benchmark phase: the heap pools' peaks since the last reset, summed (garbage
 * included, so an upper bound of what the phase needed). Shared with the head-end's benchmark of
 * the scheduler over Cassandra through this module's test jar.
 */
public final class HeapPeaks {

  private HeapPeaks() {}

  public static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Collects garbage and starts the peaks afresh. */
  public static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the last reset, in MB. */
  public static long peakMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }
}
