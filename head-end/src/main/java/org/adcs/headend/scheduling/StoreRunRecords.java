package org.adcs.headend.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.adcs.mdm.readside.SchedulerRecordStore;
import org.adcs.scheduler.nondefault.NonDefaultReport;
import org.adcs.scheduler.readgroup.AssignmentReport;
import org.adcs.scheduler.readgroup.RebalanceRecord;
import org.adcs.scheduler.records.RunRecords;
import org.adcs.scheduler.recovery.ExceptionReport;

/**
 * The scheduler's run reports in Cassandra as JSON (R-SCH-3, R-SCH-4, R-MIS-1..3). Each kind is keyed
 * so that its keys sort by time and a repeated save of a run overwrites it: assignments by start,
 * completeness runs by the day checked then start, rebalancing reviews by their period, non-default
 * reports by day.
 */
public final class StoreRunRecords implements RunRecords {

  static final String ASSIGNMENT = "assignment";
  static final String COMPLETENESS = "completeness";
  static final String REBALANCE = "rebalance";
  static final String NON_DEFAULT = "non-default";

  private final SchedulerRecordStore store;
  private final Clock clock;

  public StoreRunRecords(SchedulerRecordStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Void> saveAssignment(AssignmentReport report) {
    return save(ASSIGNMENT, () -> report.started().toString(), report);
  }

  @Override
  public CompletionStage<Void> saveExceptionReport(ExceptionReport report) {
    return save(COMPLETENESS, () -> completenessKey(report), report);
  }

  @Override
  public CompletionStage<Void> saveRebalance(RebalanceRecord record) {
    return save(REBALANCE, () -> record.analysis().firstDay() + ".." + record.analysis().lastDay() + " " + record.analysis().analysedAt(),
        record);
  }

  @Override
  public CompletionStage<Void> saveNonDefaultReport(NonDefaultReport report) {
    return save(NON_DEFAULT, () -> report.day().toString(), report);
  }

  @Override
  public CompletionStage<Optional<LocalDate>> lastCompletenessRun() {
    return store.latestRunKeys(COMPLETENESS, 1)
        .thenApply(keys -> keys.stream().findFirst().map(key -> LocalDate.parse(key.substring(0, key.indexOf(' ')))));
  }

  /** A stored report as JSON, for operators. */
  public CompletionStage<Optional<String>> stored(String kind, String runKey) {
    return store.run(kind, runKey);
  }

  static String completenessKey(ExceptionReport report) {
    return report.previousDay() + " " + report.started();
  }

  /**
   * The exception report of the newest completeness run that checked {@code previousDay} (a run
   * repeated after a restart replaces the earlier one), empty when none was saved.
   */
  public CompletionStage<Optional<ExceptionReport>> exceptionReport(LocalDate previousDay) {
    // Keys are "<day> <started>": every key of the day sorts from "<day> " up to "<day>!".
    return store.runKeysBetween(COMPLETENESS, previousDay + " ", previousDay + "!", 1)
        .thenCompose(keys -> keys.isEmpty() ? CompletableFuture.completedFuture(Optional.<String>empty())
            : store.run(COMPLETENESS, keys.get(0)))
        .thenApply(json -> json.map(body -> SchedulerJson.read(body, ExceptionReport.class)));
  }

  /** The newest stored report of a kind as JSON, for operators. */
  public CompletionStage<Optional<String>> latest(String kind) {
    return store.latestRunKeys(kind, 1).thenCompose(keys -> keys.isEmpty()
        ? CompletableFuture.completedFuture(Optional.<String>empty())
        : store.run(kind, keys.get(0)));
  }

  private CompletionStage<Void> save(String kind, Supplier<String> key, Object report) {
    try {
      return store.saveRun(kind, key.get(), SchedulerJson.write(report), clock.instant());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
