package org.adcs.scheduler.workload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.adcs.scheduler.port.ReadPriority;

/**
 * Queues and permits of the workload manager (R-OD-4), as plain logic. Strict priority (operator,
 * recovery, mass read, routine); operator reads may use every permit, the others only the shared
 * ones, so the reserved permits are always free for an operator. Every queue is bounded: a request
 * that does not fit is refused at once. Not thread-safe: one actor owns it.
 */
public final class WorkloadLedger<T> {

  /** Whether a request was taken. A refused request was never queued. */
  public enum Admission {
    QUEUED,
    REFUSED_QUEUE_FULL
  }

  /** A request allowed to start now; it holds one permit until {@link #finished} is called. */
  public record Start<T>(ReadPriority priority, T request) {}

  private final WorkloadBudget budget;
  private final Map<ReadPriority, ArrayDeque<T>> queues = new EnumMap<>(ReadPriority.class);
  private final int[] inFlight = new int[ReadPriority.values().length];
  private final long[] refused = new long[ReadPriority.values().length];

  public WorkloadLedger(WorkloadBudget budget) {
    this.budget = budget;
    for (ReadPriority p : ReadPriority.values()) {
      queues.put(p, new ArrayDeque<>());
    }
  }

  public Admission offer(ReadPriority priority, T request) {
    ArrayDeque<T> queue = queues.get(priority);
    if (queue.size() >= budget.queueCapacity()) {
      refused[priority.ordinal()]++;
      return Admission.REFUSED_QUEUE_FULL;
    }
    queue.addLast(request);
    return Admission.QUEUED;
  }

  /** Takes every queued request that may start now, highest priority first, and counts its permit. */
  public List<Start<T>> startable() {
    List<Start<T>> starts = new ArrayList<>();
    for (ReadPriority priority : ReadPriority.values()) {
      ArrayDeque<T> queue = queues.get(priority);
      while (!queue.isEmpty() && mayStart(priority)) {
        inFlight[priority.ordinal()]++;
        starts.add(new Start<>(priority, queue.removeFirst()));
      }
      if (!queue.isEmpty() && priority != ReadPriority.OPERATOR) {
        // Strict priority: a waiting recovery read keeps mass reads from taking a shared permit.
        break;
      }
    }
    return starts;
  }

  public void finished(ReadPriority priority) {
    if (inFlight[priority.ordinal()] == 0) {
      throw new IllegalStateException("no " + priority + " read is in flight");
    }
    inFlight[priority.ordinal()]--;
  }

  public int inFlight(ReadPriority priority) {
    return inFlight[priority.ordinal()];
  }

  public int totalInFlight() {
    int total = 0;
    for (int n : inFlight) {
      total += n;
    }
    return total;
  }

  public int queued(ReadPriority priority) {
    return queues.get(priority).size();
  }

  public long refused(ReadPriority priority) {
    return refused[priority.ordinal()];
  }

  private boolean mayStart(ReadPriority priority) {
    int total = totalInFlight();
    if (total >= budget.permits()) {
      return false;
    }
    if (priority == ReadPriority.OPERATOR) {
      return true;
    }
    int shared = total - inFlight[ReadPriority.OPERATOR.ordinal()];
    // Operator reads beyond their reservation occupy shared permits too.
    int operatorOverflow = Math.max(0, inFlight[ReadPriority.OPERATOR.ordinal()] - budget.reservedForOperator());
    return shared + operatorOverflow < budget.sharedPermits();
  }
}
