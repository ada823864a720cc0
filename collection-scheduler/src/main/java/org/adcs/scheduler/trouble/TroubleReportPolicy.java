package org.adcs.scheduler.trouble;

import java.util.Optional;
import org.adcs.scheduler.completeness.DaySet;

/**
 * When a meter needs a communications trouble report (R-MIS-4): data missing for the
 * {@code recentDays} most recent days, or for {@code windowDays} days of the window in all.
 *
 * <p>"5 non-consecutive days" is read as "5 days, consecutive or not": a meter that lost 6 days in a
 * row two weeks ago needs the field as much as one that lost 5 scattered days.
 */
public record TroubleReportPolicy(int recentDays, int windowDays) {

  public static final TroubleReportPolicy DEFAULT = new TroubleReportPolicy(3, 5);

  public TroubleReportPolicy {
    if (recentDays < 1 || recentDays > DaySet.MAX_SPAN) {
      throw new IllegalArgumentException("recent missing days must be 1.." + DaySet.MAX_SPAN + ", was " + recentDays);
    }
    if (windowDays < 2 || windowDays > DaySet.MAX_SPAN) {
      throw new IllegalArgumentException("missing days in the window must be 2.." + DaySet.MAX_SPAN + ", was " + windowDays);
    }
  }

  /** The reason for a trouble report over the meter's complete days after recovery, if there is one. */
  public Optional<TroubleReason> evaluate(DaySet completeDays) {
    if (completeDays.span() >= recentDays && completeDays.recentMissingStreak() >= recentDays) {
      return Optional.of(TroubleReason.RECENT_DAYS_MISSING);
    }
    if (completeDays.missingCount() >= windowDays) {
      return Optional.of(TroubleReason.DAYS_MISSING_IN_WINDOW);
    }
    return Optional.empty();
  }
}
