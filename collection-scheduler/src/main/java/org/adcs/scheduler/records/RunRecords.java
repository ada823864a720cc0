package org.adcs.scheduler.records;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.adcs.scheduler.nondefault.NonDefaultReport;
import org.adcs.scheduler.readgroup.AssignmentReport;
import org.adcs.scheduler.readgroup.RebalanceRecord;
import org.adcs.scheduler.recovery.ExceptionReport;

/**
 * Where the scheduler keeps its runs' reports for operators and other systems (R-SCH-3, R-SCH-4
 * "records the analysis and every action", R-MIS-1/2/3 exception reports, R-MIS-5). The MDM store
 * implements it; each save is idempotent per run (keyed by the run's start time), so a retried save
 * changes nothing.
 */
public interface RunRecords {

  CompletionStage<Void> saveAssignment(AssignmentReport report);

  CompletionStage<Void> saveExceptionReport(ExceptionReport report);

  CompletionStage<Void> saveRebalance(RebalanceRecord record);

  CompletionStage<Void> saveNonDefaultReport(NonDefaultReport report);

  /**
   * The previous day of the last completeness run whose report was saved, empty when there was none:
   * a scheduler that starts after the morning's time catches up a run a restart interrupted.
   */
  CompletionStage<Optional<LocalDate>> lastCompletenessRun();
}
