package org.adcs.scheduler;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Supplier;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.massread.MassReadSettings;
import org.adcs.scheduler.nondefault.NonDefaultSettings;
import org.adcs.scheduler.outage.OutagePolicy;
import org.adcs.scheduler.readgroup.AssignmentSettings;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.scheduler.readgroup.RebalancePolicy;
import org.adcs.scheduler.recovery.RecoverySettings;
import org.adcs.scheduler.trouble.TroubleReportPolicy;
import org.adcs.scheduler.workload.WorkloadBudget;

/**
 * Everything the scheduler is configured with, read from {@code adcs.scheduler} (defaults in this
 * module's {@code reference.conf}). A wrong value fails the start with its path and the reason.
 */
public record SchedulerConfig(
    SchedulerSettings settings, IntervalGrid grid, OutagePolicy outage, WorkloadBudget workload, boolean raisePickupOnOpen,
    MassReadSettings massRead) {

  public static final String PATH = "adcs.scheduler";

  public static SchedulerConfig from(Config root) {
    Config c = section(root, PATH);
    var grid = valid(PATH + ".standard-offset/interval",
        () -> new IntervalGrid(offset(c, "standard-offset"), c.getDuration("interval")));
    var window = valid(PATH + ".window", () -> new CollectionWindow(time(c, "window.start"), time(c, "window.end"),
        c.getDuration("window.group-length"), c.getDuration("window.read-time-margin")));
    var assignment = valid(PATH + ".assignment", () -> new AssignmentSettings(c.getInt("assignment.page-size"),
        c.getInt("assignment.max-in-flight"), c.getInt("assignment.max-attempts"), c.getDuration("assignment.retry-delay"),
        c.getInt("assignment.max-listed")));
    var recovery = valid(PATH + ".completeness", () -> new RecoverySettings(c.getInt("completeness.lookback-days"),
        c.getInt("completeness.max-attempts"), c.getDuration("completeness.retry-delay"), c.getInt("completeness.max-active-meters"),
        c.getInt("completeness.page-size"), c.getLong("completeness.outage-min-scanned")));
    var rebalance = valid(PATH + ".rebalance", () -> new RebalancePolicy(c.getDouble("rebalance.share"),
        c.getDouble("rebalance.over-committed-above"), c.getDouble("rebalance.under-committed-at-most"),
        c.getLong("rebalance.min-observations")));
    var nonDefault = valid(PATH + ".non-default", () -> new NonDefaultSettings(c.getDuration("non-default.check-every"),
        c.getDuration("non-default.retry-delay"), c.getInt("non-default.max-attempts"), c.getInt("non-default.max-active-meters"),
        c.getInt("non-default.max-listed")));
    var trouble = valid(PATH + ".trouble", () -> new TroubleReportPolicy(c.getInt("trouble.recent-days"), c.getInt("trouble.window-days")));
    var outage = valid(PATH + ".outage", () -> new OutagePolicy(c.getDouble("outage.failing-share"), c.getInt("outage.paced-concurrency")));
    var workload = valid(PATH + ".workload", () -> new WorkloadBudget(c.getInt("workload.permits"), c.getInt("workload.reserved-for-operator"),
        c.getInt("workload.queue-capacity"), c.getDuration("workload.request-timeout")));
    var settings = valid(PATH, () -> new SchedulerSettings(window, time(c, "assignment.at"), time(c, "completeness.at"),
        day(c, "rebalance.day"), time(c, "rebalance.at"), c.getInt("rebalance.period-days"), assignment, recovery, rebalance,
        nonDefault, trouble));
    boolean raisePickupOnOpen = valid(PATH + ".trouble", () -> c.getBoolean("trouble.raise-pickup-on-open"));
    var massRead = valid(PATH + ".mass-read", () -> new MassReadSettings(c.getInt("mass-read.max-running"),
        c.getInt("mass-read.keep-finished"), c.getInt("mass-read.default-concurrency")));
    return new SchedulerConfig(settings, grid, outage, workload, raisePickupOnOpen, massRead);
  }

  private static Config section(Config root, String path) {
    try {
      return root.getConfig(path);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("configuration " + path + " is missing or not an object: " + e.getMessage(), e);
    }
  }

  /** Builds one part, naming the configuration path in any error. */
  private static <T> T valid(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (ConfigException | IllegalArgumentException | DateTimeException e) {
      throw new IllegalArgumentException("invalid configuration " + path + ": " + e.getMessage(), e);
    }
  }

  private static LocalTime time(Config c, String key) {
    try {
      return LocalTime.parse(c.getString(key));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(key + " must be a time of day like 08:00, was \"" + c.getString(key) + "\"", e);
    }
  }

  private static ZoneOffset offset(Config c, String key) {
    try {
      return ZoneOffset.of(c.getString(key));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(key + " must be a fixed offset like -05:00 (standard time, no zone name), was \""
          + c.getString(key) + "\"", e);
    }
  }

  private static DayOfWeek day(Config c, String key) {
    try {
      return DayOfWeek.valueOf(c.getString(key).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be a day of the week like SUNDAY, was \"" + c.getString(key) + "\"", e);
    }
  }
}
