package org.adcs.mdm.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.adcs.mdm.specialread.Resend;

/**
 * A service point's billing periods for resends (R-VEE-3): those of the billing cycle it belongs to,
 * which bills on its day of each month for the month that ended then (so a period runs from that day
 * of one month to the same day of the next), or calendar months when it is in no cycle.
 */
public final class BillingPeriods {

  /** The day of month calendar months start on. */
  static final int CALENDAR = 1;

  private BillingPeriods() {}

  /** Where a service point's billing cycle is looked up: its cycle's day of month, if any. Calls block. */
  public interface CycleDays {
    OptionalInt dayOfMonth(String party, String servicePoint);
  }

  /**
   * The periods of a cycle day from the one holding {@code from} to the one holding {@code to}
   * (both inclusive), oldest first.
   */
  public static List<Resend.BillingPeriod> covering(OptionalInt cycleDay, LocalDate from, LocalDate to) {
    int day = cycleDay.orElse(CALENDAR);
    if (day < 1 || day > 28) {
      throw new IllegalArgumentException("a cycle's day of month is 1 to 28, found " + day);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    LocalDate start = from.withDayOfMonth(day);
    if (start.isAfter(from)) {
      start = start.minusMonths(1);
    }
    List<Resend.BillingPeriod> periods = new ArrayList<>();
    for (LocalDate s = start; !s.isAfter(to); s = s.plusMonths(1).withDayOfMonth(day)) {
      periods.add(new Resend.BillingPeriod(s, s.plusMonths(1).withDayOfMonth(day)));
    }
    return periods;
  }
}
