package org.adcs.scheduler.recovery;

import java.time.LocalDate;
import java.util.List;

/**
 * What to request again for one meter, naming the days to recover (R-MIS-2): whole missing days are
 * merged into one range per run of consecutive days; partial days give one range per run of missing
 * intervals.
 */
public record RecoveryPlan(String meterId, List<LocalDate> incompleteDays, List<MissingRange> ranges) {

  public RecoveryPlan {
    incompleteDays = List.copyOf(incompleteDays);
    ranges = List.copyOf(ranges);
  }

  public boolean nothingMissing() {
    return ranges.isEmpty();
  }

  public int intervalsMissing() {
    return ranges.stream().mapToInt(MissingRange::intervals).sum();
  }
}
