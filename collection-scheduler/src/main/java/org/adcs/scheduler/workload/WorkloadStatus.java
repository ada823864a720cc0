package org.adcs.scheduler.workload;

import java.util.Map;
import org.adcs.scheduler.port.ReadPriority;

/** What the workload manager is doing, per priority (R-OD-4): for the operator console and tests. */
public record WorkloadStatus(Map<ReadPriority, Integer> inFlight, Map<ReadPriority, Integer> queued, Map<ReadPriority, Long> refused) {

  public WorkloadStatus {
    inFlight = Map.copyOf(inFlight);
    queued = Map.copyOf(queued);
    refused = Map.copyOf(refused);
  }
}
