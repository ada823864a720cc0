package org.adcs.mdm.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * R-VEE-4 timeliness of interval data: per read date, the share of expected intervals read by the end
 * of day 1, 2 and 5 after it, against 80 %, 90 % and 99.99 %. A deadline still ahead has no share yet
 * (what arrives before it still counts); the total's share for a deadline covers only the days whose
 * deadline is behind.
 */
public record TimelinessReport(LocalDate from, LocalDate to, Instant at, List<Day> days, Day total) {

  public TimelinessReport {
    days = List.copyOf(days);
  }

  /**
   * @param expected intervals expected on the day(s)
   * @param basis    per deadline, the expected intervals of the days whose deadline is behind
   * @param readBy   per deadline, the intervals of those days read by it
   */
  public record Day(LocalDate day, long expected, long[] basis, long[] readBy) {

    public Day {
      basis = basis.clone();
      readBy = readBy.clone();
    }

    /** Empty while the deadline is ahead or nothing was expected. */
    public OptionalDouble share(int deadline) {
      return Share.of(readBy[deadline], basis[deadline]);
    }

    public Optional<Boolean> targetMet(int deadline) {
      OptionalDouble share = share(deadline);
      return share.isEmpty() ? Optional.empty() : Optional.of(share.getAsDouble() >= Arrival.TARGETS.get(deadline));
    }

    public long readBy(int deadline) {
      return readBy[deadline];
    }

    public long basis(int deadline) {
      return basis[deadline];
    }
  }

  public static TimelinessReport of(LocalDate from, LocalDate to, DeliveryTally tally, Instant now, ZoneOffset standardTime) {
    int n = Arrival.DEADLINE_DAYS.size();
    long totalExpected = 0;
    long[] totalBasis = new long[n];
    long[] totalRead = new long[n];
    List<Day> days = new java.util.ArrayList<>();
    for (DayFigures f : tally.days().values()) {
      long[] basis = new long[n];
      long[] readBy = new long[n];
      for (int k = 0; k < n; k++) {
        if (!now.isBefore(Arrival.deadline(f.day(), k, standardTime))) {
          basis[k] = f.expected();
          readBy[k] = f.readBy(k);
          totalBasis[k] += basis[k];
          totalRead[k] += readBy[k];
        }
      }
      totalExpected += f.expected();
      days.add(new Day(f.day(), f.expected(), basis, readBy));
    }
    return new TimelinessReport(from, to, now, days, new Day(null, totalExpected, totalBasis, totalRead));
  }
}
