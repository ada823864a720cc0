package org.adcs.scheduler.fakes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.adcs.scheduler.nondefault.NonDefaultReport;
import org.adcs.scheduler.readgroup.AssignmentReport;
import org.adcs.scheduler.readgroup.RebalanceRecord;
import org.adcs.scheduler.records.RunRecords;
import org.adcs.scheduler.recovery.ExceptionReport;

/** Run reports in lists; the first {@code failures} saves fail, as a store outage would. */
public final class InMemoryRunRecords implements RunRecords {

  private final List<Object> saved = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger attempts = new AtomicInteger();

  public InMemoryRunRecords failFirst(int n) {
    failures.set(n);
    return this;
  }

  public List<Object> saved() {
    return List.copyOf(saved);
  }

  public int attempts() {
    return attempts.get();
  }

  private final List<String> log = new CopyOnWriteArrayList<>();

  public List<String> log() {
    return List.copyOf(log);
  }

  private CompletionStage<Void> save(Object report) {
    attempts.incrementAndGet();
    log.add(report.getClass().getSimpleName());
    if (failures.getAndDecrement() > 0) {
      return CompletableFuture.failedFuture(new IllegalStateException("store unavailable"));
    }
    saved.add(report);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> saveAssignment(AssignmentReport report) {
    return save(report);
  }

  @Override
  public CompletionStage<Void> saveExceptionReport(ExceptionReport report) {
    return save(report);
  }

  @Override
  public CompletionStage<Void> saveRebalance(RebalanceRecord record) {
    return save(record);
  }

  @Override
  public CompletionStage<Void> saveNonDefaultReport(NonDefaultReport report) {
    return save(report);
  }

  /** As if an earlier process had saved the completeness run for {@code previousDay}. */
  public InMemoryRunRecords completenessRunOnRecord(LocalDate previousDay) {
    onRecord = previousDay;
    return this;
  }

  private volatile LocalDate onRecord;

  @Override
  public CompletionStage<Optional<LocalDate>> lastCompletenessRun() {
    Optional<LocalDate> saved = this.saved.stream().filter(ExceptionReport.class::isInstance).map(r -> ((ExceptionReport) r).previousDay())
        .max(LocalDate::compareTo);
    return CompletableFuture.completedFuture(saved.or(() -> Optional.ofNullable(onRecord)));
  }
}
