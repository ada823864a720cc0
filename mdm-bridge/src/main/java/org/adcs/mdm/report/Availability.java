package org.adcs.mdm.report;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Server availability over a period (R-OPS-5): the minutes in which at least one head-end node
 * recorded that it was up, of the period's minutes that have begun (a period reaching into the
 * future counts only up to now).
 */
public record Availability(Instant from, Instant to, long observedMinutes, long upMinutes) {

  public OptionalDouble share() {
    return Share.of(upMinutes, observedMinutes);
  }

  /** The minutes of [from, min(to, now)) that have started. */
  public static long observedMinutes(Instant from, Instant to, Instant now) {
    Instant end = to.isBefore(now) ? to : now;
    if (!end.isAfter(from)) {
      return 0;
    }
    return (Duration.between(from, end).toSeconds() + 59) / 60;
  }
}
