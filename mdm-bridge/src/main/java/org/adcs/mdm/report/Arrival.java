package org.adcs.mdm.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The timeliness deadlines of R-VEE-4: interval data of a read date counts as available on day k
 * when it was read before the end of day k after that date, in the meters' standard time (which has
 * no daylight-saving shift, R-COL-6, so every day is 24 hours long).
 */
public final class Arrival {

  /** Days after the read date: 80 % by day 1, 90 % by day 2, 99.99 % by day 5. */
  public static final List<Integer> DEADLINE_DAYS = List.of(1, 2, 5);

  /** The R-VEE-4 targets for interval data, in the order of {@link #DEADLINE_DAYS}. */
  public static final List<Double> TARGETS = List.of(0.80, 0.90, 0.9999);

  private Arrival() {}

  /** The completeness column holding the intervals read by the {@code index}-th deadline. */
  public static String column(int index) {
    return "read_by_day" + DEADLINE_DAYS.get(index);
  }

  /** The end of day {@code DEADLINE_DAYS[index]} after {@code day}. */
  public static Instant deadline(LocalDate day, int index, ZoneOffset standardTime) {
    return day.plusDays(DEADLINE_DAYS.get(index) + 1L).atStartOfDay().toInstant(standardTime);
  }

  /**
   * The index of the first deadline that data read at {@code readAt} still meets; the number of
   * deadlines when it meets none.
   */
  public static int firstOpenDeadline(LocalDate day, Instant readAt, ZoneOffset standardTime) {
    for (int k = 0; k < DEADLINE_DAYS.size(); k++) {
      if (readAt.isBefore(deadline(day, k, standardTime))) {
        return k;
      }
    }
    return DEADLINE_DAYS.size();
  }
}
