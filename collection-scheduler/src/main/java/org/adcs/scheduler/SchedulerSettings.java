package org.adcs.scheduler;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import org.adcs.scheduler.nondefault.NonDefaultSettings;
import org.adcs.scheduler.readgroup.AssignmentSettings;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.scheduler.readgroup.RebalancePolicy;
import org.adcs.scheduler.recovery.RecoverySettings;
import org.adcs.scheduler.trouble.TroubleReportPolicy;

/**
 * When the scheduler's daily and weekly jobs run and how (R-SCH-2, R-SCH-4, R-MIS-1). Times are
 * meters' local standard time.
 *
 * @param assignmentAt the evening's low-activity time for placing unscheduled meters (R-SCH-2)
 * @param completenessAt when the morning check begins: after the window closes, and for R-MIS-1 no
 *     later than 08:00 with the default window
 * @param rebalanceDay and {@code rebalanceAt}: the weekly review, after that morning's collection (R-SCH-4)
 * @param rebalancePeriodDays days of collection the review looks back on
 * @param nonDefault how meters on non-default schedules are watched (R-MIS-3)
 * @param trouble when a meter gets a trouble report (R-MIS-4); the trouble desk must use the same
 */
public record SchedulerSettings(
    CollectionWindow window,
    LocalTime assignmentAt,
    LocalTime completenessAt,
    DayOfWeek rebalanceDay,
    LocalTime rebalanceAt,
    int rebalancePeriodDays,
    AssignmentSettings assignment,
    RecoverySettings recovery,
    RebalancePolicy rebalancePolicy,
    NonDefaultSettings nonDefault,
    TroubleReportPolicy trouble) {

  public static final SchedulerSettings DEFAULT = new SchedulerSettings(CollectionWindow.DEFAULT, LocalTime.of(21, 0),
      LocalTime.of(8, 0), DayOfWeek.SUNDAY, LocalTime.of(9, 0), 7, AssignmentSettings.DEFAULT, RecoverySettings.DEFAULT,
      RebalancePolicy.DEFAULT, NonDefaultSettings.DEFAULT, TroubleReportPolicy.DEFAULT);

  public SchedulerSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(assignmentAt, "assignmentAt");
    Objects.requireNonNull(completenessAt, "completenessAt");
    Objects.requireNonNull(rebalanceDay, "rebalanceDay");
    Objects.requireNonNull(rebalanceAt, "rebalanceAt");
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(recovery, "recovery");
    Objects.requireNonNull(rebalancePolicy, "rebalancePolicy");
    Objects.requireNonNull(nonDefault, "nonDefault");
    Objects.requireNonNull(trouble, "trouble");
    if (window.groupAt(assignmentAt).isPresent()) {
      throw new IllegalArgumentException("assignment time " + assignmentAt + " falls in the collection window " + window.start()
          + ".." + window.end() + "; pick a low-activity time outside it");
    }
    if (completenessAt.isBefore(window.end())) {
      throw new IllegalArgumentException("the completeness check at " + completenessAt + " would begin before the collection window ends at "
          + window.end());
    }
    if (rebalanceAt.isBefore(window.end())) {
      throw new IllegalArgumentException("the rebalancing review at " + rebalanceAt + " would run before that day's collection ends at "
          + window.end());
    }
    if (rebalancePeriodDays < 1 || rebalancePeriodDays > 62) {
      throw new IllegalArgumentException("rebalancing period must be 1..62 days, was " + rebalancePeriodDays);
    }
  }
}
