package org.adcs.scheduler.nondefault;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.adcs.scheduler.port.TimeRange;
import org.adcs.scheduler.readside.ScheduledMeter;

/**
 * R-MIS-3: a meter on a non-default schedule has missing data when two of its read intervals have
 * passed since the data it sent ends. One missed transmission alone is not yet a miss, because the
 * next one sends everything since the last success (R-SCH-6); a second missed one is. The missing
 * range runs from the end of the received data to the last read that was due.
 */
public final class MissDetector {

  private MissDetector() {}

  public static Optional<TimeRange> missing(ScheduledMeter meter, Instant now) {
    var schedule = meter.schedule();
    Duration frequency = schedule.frequency();
    Instant covered = meter.receivedThrough().orElse(schedule.start());
    Instant horizon = schedule.end().filter(end -> end.isBefore(now)).orElse(now);
    if (!horizon.isAfter(schedule.start())) {
      return Optional.empty();
    }
    long duePeriods = Duration.between(schedule.start(), horizon).toNanos() / frequency.toNanos();
    Instant lastDue = schedule.start().plus(frequency.multipliedBy(duePeriods));
    if (!lastDue.isAfter(covered) || Duration.between(covered, now).compareTo(frequency.multipliedBy(2)) < 0) {
      return Optional.empty();
    }
    return Optional.of(new TimeRange(covered, lastDue));
  }
}
