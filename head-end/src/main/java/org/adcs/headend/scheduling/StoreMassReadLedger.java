package org.adcs.headend.scheduling;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.readside.MassReadJobStore;
import org.adcs.scheduler.massread.MassReadLedger;
import org.adcs.scheduler.massread.MassReadProgress;
import org.adcs.scheduler.massread.MassReadTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The mass read desk's ledger in the MDM store: targets and final progress as JSON (R-OD-3). */
final class StoreMassReadLedger implements MassReadLedger {

  private static final Logger log = LoggerFactory.getLogger(StoreMassReadLedger.class);

  private final MassReadJobStore store;
  private final Clock clock;

  StoreMassReadLedger(MassReadJobStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Void> accepted(AcceptedJob job) {
    return store.accept(job.jobId(), job.acceptedAt(), job.concurrency(), SchedulerJson.write(job.target()));
  }

  @Override
  public CompletionStage<Void> ended(MassReadProgress last) {
    return store.end(last.jobId(), SchedulerJson.write(last), clock.instant());
  }

  @Override
  public CompletionStage<Holdings> holdings(int endedLimit) {
    return store.all().thenApply(jobs -> {
      List<MassReadJobStore.StoredJob> byAcceptance = jobs.stream()
          .sorted(Comparator.comparing(MassReadJobStore.StoredJob::acceptedAt)).toList();
      List<AcceptedJob> unfinished = byAcceptance.stream().filter(j -> j.ended().isEmpty())
          .map(j -> new AcceptedJob(j.jobId(), SchedulerJson.read(j.target(), MassReadTarget.class), j.concurrency(),
              j.acceptedAt())).toList();
      List<MassReadJobStore.StoredJob> newestEnded = byAcceptance.stream().filter(j -> j.ended().isPresent()).toList();
      List<MassReadProgress> last = newestEnded.subList(Math.max(0, newestEnded.size() - endedLimit), newestEnded.size())
          .stream().map(j -> SchedulerJson.read(j.ended().get(), MassReadProgress.class)).toList();
      List<MassReadProgress> newestFirst = new java.util.ArrayList<>(last);
      java.util.Collections.reverse(newestFirst);
      if (!unfinished.isEmpty()) {
        log.info("{} mass read(s) accepted and not ended are in the store: the desk resumes them", unfinished.size());
      }
      return new Holdings(unfinished, newestFirst);
    });
  }
}
