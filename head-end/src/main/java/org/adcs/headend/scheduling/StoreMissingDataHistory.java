package org.adcs.headend.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.readside.SchedulerRecordStore;
import org.adcs.scheduler.recovery.MeterRecoveryResult;
import org.adcs.scheduler.recovery.MissingDataHistory;

/** The history of meters that had missing data, in Cassandra, one JSON line per meter and run day (R-MIS-5). */
public final class StoreMissingDataHistory implements MissingDataHistory {

  private final SchedulerRecordStore store;

  public StoreMissingDataHistory(SchedulerRecordStore store) {
    this.store = store;
  }

  @Override
  public CompletionStage<Void> record(LocalDate runDay, MeterRecoveryResult line) {
    return store.recordMissing(line.meterId(), runDay, SchedulerJson.write(new Entry(runDay, line)));
  }

  @Override
  public CompletionStage<List<Entry>> history(String meterId) {
    return store.missingHistory(meterId).thenApply(lines -> lines.stream().map(json -> SchedulerJson.read(json, Entry.class)).toList());
  }
}
