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

  public record Line(TroubleReport report, Duration age) {

    public Bucket bucket() {
      return Bucket.of(age);
    }
  }

  /** The report's age buckets: up to a day, up to a week, older. */
  public enum Bucket {
    DAY, WEEK, OLDER;

    public static Bucket of(Duration age) {
      if (age.compareTo(Duration.ofDays(1)) <= 0) {
        return DAY;
      }
      return age.compareTo(Duration.ofDays(7)) <= 0 ? WEEK : OLDER;
    }
  }
}
