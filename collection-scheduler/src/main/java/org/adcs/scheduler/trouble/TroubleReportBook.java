package org.adcs.scheduler.trouble;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.scheduler.completeness.DaySet;

/**
 * The open communications trouble reports (R-MIS-4), one per meter at most. Each change comes in two
 * steps, so that an event-sourced owner can persist between them: {@code decide...} says what would
 * happen without changing anything, {@code apply...} makes it so (also when replaying). Holds one
 * entry per meter with an open report: bounded by the meters in trouble, not by the population. Not
 * thread-safe: one actor owns it.
 */
public final class TroubleReportBook {

  private final TroubleReportPolicy policy;
  private final Clock clock;
  private final Map<String, TroubleReport> openByMeter = new HashMap<>();
  private long nextId = 1;

  public TroubleReportBook(TroubleReportPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** The report to open when the policy calls for one and none is open for the meter. */
  public Optional<TroubleReport> decideOpen(String meterId, DaySet completeDays) {
    if (openByMeter.containsKey(meterId)) {
      return Optional.empty();
    }
    return policy.evaluate(completeDays).map(reason ->
        new TroubleReport(nextId, meterId, clock.instant(), reason, completeDays.missingRanges(), Optional.empty(), Optional.empty()));
  }

  public void applyOpened(TroubleReport report) {
    openByMeter.put(report.meterId(), report);
    nextId = Math.max(nextId, report.id() + 1);
  }

  /** Opens a report if one is needed: {@link #decideOpen} and {@link #applyOpened} in one step. */
  public Optional<TroubleReport> openIfNeeded(String meterId, DaySet completeDays) {
    Optional<TroubleReport> report = decideOpen(meterId, completeDays);
    report.ifPresent(this::applyOpened);
    return report;
  }

  /** Closes the meter's open report (its data came back, or the field visit); empty when none is open. */
  public Optional<TroubleReport> close(String meterId) {
    TroubleReport open = openByMeter.remove(meterId);
    return Optional.ofNullable(open).map(r -> r.closedAt(clock.instant()));
  }

  public void applyPickupRaised(String meterId, long pickupRequestId) {
    TroubleReport open = openByMeter.get(meterId);
    if (open != null) {
      openByMeter.put(meterId, open.withPickupRequest(pickupRequestId));
    }
  }

  public Optional<TroubleReport> openReportOf(String meterId) {
    return Optional.ofNullable(openByMeter.get(meterId));
  }

  public int openCount() {
    return openByMeter.size();
  }

  /** The open reports, for a snapshot. */
  public List<TroubleReport> openReports() {
    return List.copyOf(openByMeter.values());
  }

  /** The id the next report gets, for a snapshot. */
  public long nextId() {
    return nextId;
  }

  /** Restores the book from a snapshot. */
  public void restore(List<TroubleReport> open, long nextReportId) {
    openByMeter.clear();
    open.forEach(r -> openByMeter.put(r.meterId(), r));
    nextId = nextReportId;
  }

  public AgingReport agingReport() {
    Instant now = clock.instant();
    List<AgingReport.Line> lines = new ArrayList<>();
    long day = 0;
    long week = 0;
    long older = 0;
    for (TroubleReport report : openByMeter.values()) {
      Duration age = Duration.between(report.opened(), now);
      lines.add(new AgingReport.Line(report, age));
      switch (AgingReport.Bucket.of(age)) {
        case DAY -> day++;
        case WEEK -> week++;
        case OLDER -> older++;
      }
    }
    lines.sort(Comparator.comparing((AgingReport.Line l) -> l.report().opened()).thenComparing(l -> l.report().id()));
    return new AgingReport(now, lines, day, week, older);
  }
}
