package org.adcs.headend.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A coarse profile that needs no agent: CPU time of this JVM by thread pool (thread names with their
 * numbers removed) and of its child processes (the embedded Cassandra node) over a window. On a shared
 * 2-core machine it says whether the run was CPU-bound and which part of the head-end burnt the CPU.
 */
final class CpuUse {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> threadStart = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final long processStart;
  private final long childrenStart;
  private final long wallStart = System.nanoTime();

  CpuUse() {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        threadStart.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
      }
    }
    processStart = processCpu();
    childrenStart = childrenCpu();
  }

  /** Milliseconds of CPU per pool since construction, largest first, and the totals. */
  String report() {
    double wall = (System.nanoTime() - wallStart) / 1e9;
    Map<String, Long> byPool = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = threads.getThreadCpuTime(info.getThreadId());
      if (now < 0) {
        continue;
      }
      long used = now - threadStart.getOrDefault(info.getThreadId(), 0L);
      byPool.merge(pool(info.getThreadName()), used, Long::sum);
    }
    long process = processCpu() - processStart;
    long children = childrenCpu() - childrenStart;
    Map<String, Long> top = byPool.entrySet().stream().filter(e -> e.getValue() > 50_000_000L)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    StringBuilder b = new StringBuilder(String.format(
        "CPU over %.1f s wall: this JVM %.1f s, embedded Cassandra %.1f s (2 cores = %.1f s available if unshared)%n",
        wall, process / 1e9, children / 1e9, 2 * wall));
    top.forEach((name, nanos) -> b.append(String.format("  %-48s %6.1f s%n", name, nanos / 1e9)));
    b.append("  (threads that ended within the window are not listed)");
    return b.toString();
  }

  private static String pool(String threadName) {
    return threadName.replaceAll("[0-9]+", "#");
  }

  private static long processCpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static long childrenCpu() {
    return ProcessHandle.current().descendants()
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
  }
}
