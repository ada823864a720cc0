package org.adcs.scheduler.readgroup;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one nightly assignment (R-SCH-2, R-SCH-3): how many unscheduled meters were placed
 * and acknowledged their schedule, which did not (listed up to the settings' limit, all counted), and
 * the group sizes afterwards.
 */
public record AssignmentReport(
    Instant started,
    Instant finished,
    long acknowledged,
    long notAcknowledged,
    List<String> notAcknowledgedMeters,
    int[] assignedPerGroup,
    int[] groupSizesAfter) {

  public AssignmentReport {
    notAcknowledgedMeters = List.copyOf(notAcknowledgedMeters);
    assignedPerGroup = assignedPerGroup.clone();
    groupSizesAfter = groupSizesAfter.clone();
  }
}
