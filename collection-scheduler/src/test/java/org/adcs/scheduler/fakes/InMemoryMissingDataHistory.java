package org.adcs.scheduler.fakes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.adcs.scheduler.recovery.MeterRecoveryResult;
import org.adcs.scheduler.recovery.MissingDataHistory;

/** Missing-data history in a map, idempotent per (meter, run day) like the store's. */
public final class InMemoryMissingDataHistory implements MissingDataHistory {

  private final Map<String, Map<LocalDate, MeterRecoveryResult>> byMeter = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Void> record(LocalDate runDay, MeterRecoveryResult line) {
    byMeter.computeIfAbsent(line.meterId(), k -> new ConcurrentHashMap<>()).put(runDay, line);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<List<Entry>> history(String meterId) {
    var entries = byMeter.getOrDefault(meterId, Map.of()).entrySet().stream()
        .map(e -> new Entry(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(Entry::runDay).reversed())
        .toList();
    return CompletableFuture.completedFuture(entries);
  }

  public int meters() {
    return byMeter.size();
  }
}
