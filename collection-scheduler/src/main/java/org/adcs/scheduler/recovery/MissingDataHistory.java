package org.adcs.scheduler.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The kept, queryable history of meters that had missing data (R-MIS-5). The MDM store implements
 * it; the scheduler appends one entry per exception meter and run.
 */
public interface MissingDataHistory {

  /** Appends a run's line for a meter; idempotent per (meter, run day) so a repeated run changes nothing. */
  CompletionStage<Void> record(LocalDate runDay, MeterRecoveryResult line);

  /** A meter's history, newest run first. */
  CompletionStage<List<Entry>> history(String meterId);

  record Entry(LocalDate runDay, MeterRecoveryResult line) {}
}
