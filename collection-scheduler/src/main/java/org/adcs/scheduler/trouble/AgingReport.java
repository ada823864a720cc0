package org.adcs.scheduler.trouble;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.adcs.scheduler.SchedulerSerializable;

/** The open trouble reports, oldest first, with their age and counts per age bucket (R-MIS-4). */
public record AgingReport(Instant at, List<Line> lines, long upToOneDay, long upToOneWeek, long overOneWeek) implements SchedulerSerializable {

  public AgingReport {
    lines = List.copyOf(lines);
  }

  public record Line(TroubleReport report, Duration age) {}
}
