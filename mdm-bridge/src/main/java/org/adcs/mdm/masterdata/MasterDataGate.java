package org.adcs.mdm.masterdata;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.adcs.mdm.bridge.CollectedReadings;
import org.adcs.mdm.bridge.PostingGate;
import org.adcs.mdm.bridge.ReadingPosting;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.vee.VeeLevel;

/**
 * Readings of a meter that is not synchronised (R-MD-1): a day whose meter has no service point
 * relationship covering it is not posted. The head-end's collection is never blocked by this: the
 * delivery is in the journal already, and the gate only turns the MDM posting of that day into
 *
 * <ol>
 *   <li>the raw day kept in the store as delivered (so nothing has to be collected again), and</li>
 *   <li>a {@link RejectedReading} naming the meter, the day and the reason, listed by meter as the
 *       exceptions of master data.</li>
 * </ol>
 *
 * <p>When a sync changes a meter's relationships, {@link #accept} re-posts that meter's rejected days
 * that are now covered, from the kept raw day of the same delivery revision, exactly as the first
 * posting would have, and clears their exceptions; days still uncovered stay rejected. So only the
 * missing master data needs to be sent; the readings need not be.
 *
 * <p>The check applies only when enabled: flows without master data (a fleet that no CIS
 * synchronises) post everything as before.
 */
public final class MasterDataGate implements PostingGate, Consumer<Set<String>> {

  /** Rejected days re-posted per meter and sync, at most: a meter has a bounded backlog anyway. */
  static final int REPOST_LIMIT = 10_000;

  private final MasterDataStore store;
  private final MeterCoverage coverage;
  private final IntervalStore intervals;
  private final VeeLevel level;
  private final Clock clock;
  private final boolean enabled;
  private volatile ReadingPosting posting;

  public MasterDataGate(MasterDataStore store, MeterCoverage coverage, IntervalStore intervals, VeeLevel level,
      Clock clock, boolean enabled) {
    this.store = store;
    this.coverage = coverage;
    this.intervals = intervals;
    this.level = level;
    this.clock = clock;
    this.enabled = enabled;
  }

  /** The posting this gate guards, used to re-post; returns it with the gate in place. */
  public ReadingPosting guard(ReadingPosting unguarded) {
    posting = unguarded.withGate(this);
    return posting;
  }

  public boolean enabled() {
    return enabled;
  }

  @Override
  public boolean admit(IntervalDay day, CollectedReadings delivery) {
    if (!enabled || coverage.isSynchronised(day.meter().value(), day.day())) {
      return true;
    }
    store.reject(new RejectedReading(day.meter().value(), day.day(), day.channel().name(), day.channel().unit(),
        day.revision(), delivery.postedAt(), clock.instant(), RejectedReading.reasonFor(day.meter().value(),
        day.day())));
    return false;
  }

  /** Re-posts the rejected days of these meters that master data now covers. */
  @Override
  public void accept(Set<String> meters) {
    for (String meter : meters) {
      repost(meter);
    }
  }

  /** @return how many rejected days of the meter were posted now */
  public int repost(String meter) {
    ReadingPosting guarded = posting;
    if (guarded == null) {
      return 0;
    }
    int posted = 0;
    List<RejectedReading> waiting = store.rejected(Optional.of(meter), REPOST_LIMIT);
    for (RejectedReading rejected : waiting) {
      if (!coverage.isSynchronised(meter, rejected.day())) {
        continue;
      }
      MeterId id = new MeterId(meter);
      Optional<IntervalDay> raw = join(intervals.rawAsOf(id, new Channel(rejected.channel(), rejected.unit()),
          rejected.day(), rejected.revision()));
      if (raw.isEmpty()) {
        continue; // the raw write did not complete; the journal's replay of the delivery rejects it again
      }
      join(guarded.post(new CollectedReadings(id, raw.get().revision(), rejected.postedAt(), List.of(raw.get()),
          List.of(), List.of()), level));
      store.clear(rejected);
      posted++;
    }
    return posted;
  }

  private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
