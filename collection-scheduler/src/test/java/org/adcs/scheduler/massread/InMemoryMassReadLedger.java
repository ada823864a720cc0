package org.adcs.scheduler.massread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The ledger in memory for the desk's tests; {@link #failing} makes it refuse to record. */
final class InMemoryMassReadLedger implements MassReadLedger {

  final Map<String, AcceptedJob> accepted = new LinkedHashMap<>();
  final Map<String, MassReadProgress> ended = new LinkedHashMap<>();
  volatile boolean failing;

  @Override
  public synchronized CompletionStage<Void> accepted(AcceptedJob job) {
    if (failing) {
      return CompletableFuture.failedFuture(new IllegalStateException("store unavailable"));
    }
    accepted.put(job.jobId(), job);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<Void> ended(MassReadProgress last) {
    ended.put(last.jobId(), last);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<Holdings> holdings(int endedLimit) {
    List<AcceptedJob> unfinished = accepted.values().stream().filter(j -> !ended.containsKey(j.jobId())).toList();
    List<MassReadProgress> last = new ArrayList<>(ended.values());
    java.util.Collections.reverse(last);
    return CompletableFuture.completedFuture(new Holdings(unfinished, last.subList(0, Math.min(endedLimit, last.size()))));
  }
}
