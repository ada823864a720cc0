package org.adcs.mdm.masterdata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.adcs.mdm.masterdata.MasterDataStore.HeldSet;
import org.adcs.mdm.masterdata.MasterDataStore.SequenceClaim;
import org.adcs.mdm.masterdata.SyncReport.Applied;
import org.adcs.mdm.masterdata.SyncReport.Status;
import org.adcs.mdm.masterdata.SyncReport.SyncException;

/**
 * Applies sync sets in sequence order, per sending system (R-MD-1).
 *
 * <ul>
 *   <li>The next set in sequence is applied at once, then any held sets that now follow on.</li>
 *   <li>A set ahead of the sequence is held; when it has waited longer than the hold time,
 *       {@link #expire} rejects it with a report naming the missing sequence number.</li>
 *   <li>A set whose sequence number is taken is a duplicate when its content is the same, and rejected
 *       otherwise; a set at or before the last applied sequence is rejected.</li>
 *   <li>Records are applied in the set's order; a record that conflicts with stored master data (a
 *       unique id of another point, a meter already at another point then, an unknown point to
 *       deactivate) is an exception of the report and the rest still applies.</li>
 *   <li>A full set deactivates, as of its effective time, every stored point it does not name.</li>
 * </ul>
 *
 * <p>One instance serialises its sets; run one per store (the head-end's API node).
 */
public final class MasterDataSync {

  /** Sets held at once, all sources together: the held sets are a bounded queue. */
  public static final int MAX_HELD = 1000;

  private final MasterDataStore store;
  private final Duration holdTime;
  private final Consumer<Set<String>> meterChanges;
  private final TimelineListener timelineChanges;

  /**
   * Told each service point change as it is applied, e.g. to repost data or release usage history
   * (R-MD-2, R-MD-3). Runs on the synchronising thread, which may block; what it could not do it
   * returns, and the set's report lists it as exceptions.
   */
  @FunctionalInterface
  public interface TimelineListener {

    TimelineListener NONE = (before, after, now) -> List.of();

    List<String> changed(ServicePointTimeline before, ServicePointTimeline after, Instant now);
  }

  /**
   * @param meterChanges told the meters whose relationships a set changed, so their rejected
   *                     readings can be re-posted
   */
  public MasterDataSync(MasterDataStore store, Duration holdTime, Consumer<Set<String>> meterChanges) {
    this(store, holdTime, meterChanges, TimelineListener.NONE);
  }

  public MasterDataSync(MasterDataStore store, Duration holdTime, Consumer<Set<String>> meterChanges,
      TimelineListener timelineChanges) {
    if (holdTime.isNegative() || holdTime.isZero()) {
      throw new IllegalArgumentException("hold time must be positive, found " + holdTime);
    }
    this.store = store;
    this.holdTime = holdTime;
    this.meterChanges = meterChanges;
    this.timelineChanges = timelineChanges;
  }

  public synchronized SyncReport submit(SyncSet set, Instant now) {
    SyncReport report = SyncReport.received(set, now);
    Optional<SequenceClaim> taken = store.claim(set.source(), set.sequence());
    if (taken.isPresent()) {
      if (taken.get().fingerprint().equals(set.fingerprint())) {
        report = new SyncReport(report.id(), set.source(), set.sequence(), set.kind(), Status.DUPLICATE, now,
            Optional.of(now), List.of(), List.of(), Optional.of(taken.get().reportId()), set.fingerprint());
      } else {
        report = rejected(report, now, "sequence " + set.sequence() + " of " + set.source()
            + " was already used by another set (report " + taken.get().reportId() + ")");
      }
      store.saveReport(report);
      return report;
    }
    long last = store.lastApplied(set.source());
    if (set.sequence() <= last) {
      report = rejected(report, now, "sequence " + set.sequence() + " of " + set.source()
          + " is at or before the last applied sequence " + last);
      store.saveReport(report);
      return report;
    }
    store.claim(new SequenceClaim(set.source(), set.sequence(), report.id(), set.fingerprint()));
    if (set.sequence() != last + 1) {
      if (store.held().size() >= MAX_HELD) {
        store.unclaim(set.source(), set.sequence());
        report = rejected(report, now, MAX_HELD + " sets are already held waiting for missing sequence numbers;"
            + " send the missing sets first");
        store.saveReport(report);
        return report;
      }
      store.saveReport(report);
      store.hold(new HeldSet(set, report.id(), now));
      return report;
    }
    Set<String> meters = new HashSet<>();
    SyncReport applied = apply(set, report, now, meters);
    drain(set.source(), now, meters);
    if (!meters.isEmpty()) {
      meterChanges.accept(meters);
    }
    return applied;
  }

  /** Rejects every held set that has waited longer than the hold time. */
  public synchronized List<SyncReport> expire(Instant now) {
    List<SyncReport> rejected = new ArrayList<>();
    for (HeldSet held : store.held()) {
      if (held.receivedAt().plus(holdTime).isAfter(now)) {
        continue;
      }
      SyncSet set = held.set();
      long missing = store.lastApplied(set.source()) + 1;
      SyncReport report = store.report(held.reportId()).orElseGet(() -> SyncReport.received(set, held.receivedAt()));
      report = rejected(report, now, "held since " + held.receivedAt() + " waiting for sequence " + missing + " of "
          + set.source() + ", which did not arrive within " + holdTime + "; send the missing sets, then this one again");
      store.saveReport(report);
      store.release(set.source(), set.sequence());
      store.unclaim(set.source(), set.sequence());
      rejected.add(report);
    }
    return rejected;
  }

  public Optional<SyncReport> report(java.util.UUID id) {
    return store.report(id);
  }

  private void drain(String source, Instant now, Set<String> meters) {
    while (true) {
      long next = store.lastApplied(source) + 1;
      Optional<HeldSet> follower = store.held().stream()
          .filter(h -> h.set().source().equals(source) && h.set().sequence() == next).findFirst();
      if (follower.isEmpty()) {
        return;
      }
      HeldSet held = follower.get();
      SyncReport report = store.report(held.reportId()).orElseGet(() -> SyncReport.received(held.set(), held.receivedAt()));
      apply(held.set(), report, now, meters);
      store.release(source, next);
    }
  }

  private SyncReport apply(SyncSet set, SyncReport report, Instant now, Set<String> meters) {
    List<Applied> applied = new ArrayList<>();
    List<SyncException> exceptions = new ArrayList<>(SyncReport.invalidOf(set));
    Set<String> named = new HashSet<>();
    set.invalid().forEach(i -> named.add(i.sdpId()));
    List<Integer> indexes = validIndexes(set);
    for (int i = 0; i < set.records().size(); i++) {
      int index = indexes.get(i);
      SyncRecord record = set.records().get(i);
      String sdpId = record.state().sdpId();
      named.add(sdpId);
      Optional<String> conflict = conflict(record);
      if (conflict.isPresent()) {
        exceptions.add(new SyncException(index, sdpId, conflict.get()));
        continue;
      }
      Optional<ServicePointTimeline> stored = store.timeline(sdpId);
      ServicePointTimeline timeline = stored.orElse(ServicePointTimeline.empty(sdpId));
      timeline.periods().forEach(p -> meters.add(p.state().meter()));
      ServicePointTimeline changed;
      String action;
      if (record.action() == SyncRecord.Action.DEACTIVATE) {
        changed = timeline.closeAt(record.effectiveFrom());
        action = "deactivated";
      } else {
        changed = timeline.overlay(record.period());
        meters.add(record.state().meter());
        action = stored.isEmpty() || stored.get().periods().isEmpty() ? "created" : "changed";
      }
      store.save(changed, record.action() == SyncRecord.Action.UPSERT ? record.state().uniqueId()
          : uniqueIdOf(timeline));
      applied.add(new Applied(index, sdpId, action));
      notify(timeline, changed, now, index, exceptions);
    }
    if (set.kind() == SyncSet.Kind.FULL) {
      for (String sdpId : store.servicePointIds()) {
        if (named.contains(sdpId)) {
          continue;
        }
        ServicePointTimeline timeline = store.timeline(sdpId).orElse(ServicePointTimeline.empty(sdpId));
        ServicePointTimeline closed = timeline.closeAt(set.effectiveAt());
        if (!closed.equals(timeline)) {
          timeline.periods().forEach(p -> meters.add(p.state().meter()));
          store.save(closed, uniqueIdOf(timeline));
          applied.add(new Applied(-1, sdpId, "deactivated"));
          notify(timeline, closed, now, -1, exceptions);
        }
      }
    }
    SyncReport done = report.completed(Status.APPLIED, now, applied, exceptions.stream()
        .sorted(Comparator.comparingInt(SyncException::index)).toList());
    store.saveLastApplied(set.source(), set.sequence());
    store.saveReport(done);
    return done;
  }

  private void notify(ServicePointTimeline before, ServicePointTimeline after, Instant now, int index,
      List<SyncException> exceptions) {
    if (before.equals(after)) {
      return;
    }
    List<String> problems;
    try {
      problems = timelineChanges.changed(before, after, now);
    } catch (RuntimeException e) {
      problems = List.of("applied, but its follow-up (repost, usage release) failed: " + e.getMessage());
    }
    problems.forEach(p -> exceptions.add(new SyncException(index, after.sdpId(), p)));
  }

  /** The index in the set as received: valid and invalid records are numbered together. */
  private static List<Integer> validIndexes(SyncSet set) {
    Set<Integer> invalid = new HashSet<>();
    set.invalid().forEach(i -> invalid.add(i.index()));
    List<Integer> indexes = new ArrayList<>();
    for (int index = 0; indexes.size() < set.records().size(); index++) {
      if (!invalid.contains(index)) {
        indexes.add(index);
      }
    }
    return indexes;
  }

  private Optional<String> conflict(SyncRecord record) {
    ServicePointState state = record.state();
    Optional<ServicePointTimeline> stored = store.timeline(state.sdpId());
    if (record.action() == SyncRecord.Action.DEACTIVATE) {
      return stored.isPresent() && !stored.get().periods().isEmpty() ? Optional.empty()
          : Optional.of("service point " + state.sdpId() + " is not known, so it cannot be deactivated");
    }
    String storedUnique = stored.map(MasterDataSync::uniqueIdOf).orElse("");
    if (!storedUnique.isEmpty() && !storedUnique.equals(state.uniqueId())) {
      return Optional.of("service point " + state.sdpId() + " has unique id " + storedUnique
          + "; a unique id never changes, found " + state.uniqueId());
    }
    Optional<String> owner = store.servicePointWithUniqueId(state.uniqueId());
    if (owner.isPresent() && !owner.get().equals(state.sdpId())) {
      return Optional.of("unique id " + state.uniqueId() + " belongs to service point " + owner.get());
    }
    Instant end = record.effectiveTo().orElse(Instant.MAX);
    for (String other : store.servicePointsOfMeter(state.meter())) {
      if (other.equals(state.sdpId())) {
        continue;
      }
      boolean busy = store.timeline(other).map(t -> t.servesMeter(state.meter(), record.effectiveFrom(), end))
          .orElse(false);
      if (busy) {
        return Optional.of("meter " + state.meter() + " is at service point " + other + " during part of "
            + record.effectiveFrom() + " to " + record.effectiveTo().map(Instant::toString).orElse("open end")
            + "; end that relationship first");
      }
    }
    return Optional.empty();
  }

  private static String uniqueIdOf(ServicePointTimeline timeline) {
    return timeline.periods().stream().map(p -> p.state().uniqueId()).filter(u -> !u.isEmpty()).findFirst().orElse("");
  }

  private static SyncReport rejected(SyncReport report, Instant now, String reason) {
    List<SyncException> exceptions = new ArrayList<>();
    exceptions.add(new SyncException(-1, "", reason));
    return report.completed(Status.REJECTED, now, List.of(), exceptions);
  }
}
