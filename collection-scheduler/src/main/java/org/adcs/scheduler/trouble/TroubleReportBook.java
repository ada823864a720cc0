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
import org.adcs.scheduler.MeterLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open communications trouble reports (R-MIS-4) and the pickup requests they raise (R-FLD-1).
 * Holds one entry per meter with an open report, which is bounded by the meters in trouble, not by
 * the population. Not thread-safe: one actor owns it.
 */
public final class TroubleReportBook {

  private static final Logger log = LoggerFactory.getLogger(TroubleReportBook.class);

  private final TroubleReportPolicy policy;
  private final PickupRequestBook pickups;
  private final Clock clock;
  private final Map<String, TroubleReport> openByMeter = new HashMap<>();
  private long nextId = 1;

  public TroubleReportBook(TroubleReportPolicy policy, PickupRequestBook pickups, Clock clock) {
    this.policy = policy;
    this.pickups = pickups;
    this.clock = clock;
  }

  /** Opens a report when the policy calls for one and none is open for the meter; returns the new report. */
  public Optional<TroubleReport> openIfNeeded(String meterId, DaySet completeDays) {
    if (openByMeter.containsKey(meterId)) {
      return Optional.empty();
    }
    return policy.evaluate(completeDays).map(reason -> {
      var report = new TroubleReport(nextId++, meterId, clock.instant(), reason, completeDays.missingRanges(), Optional.empty(), Optional.empty());
      openByMeter.put(meterId, report);
      MeterLog.info(log, meterId, "trouble report {} opened: {} missing {}", report.id(), reason, report.missingRanges());
      return report;
    });
  }

  /** Closes the meter's open report, e.g. after its data came back or the field visit. */
  public Optional<TroubleReport> close(String meterId) {
    TroubleReport open = openByMeter.remove(meterId);
    return Optional.ofNullable(open).map(r -> r.closedAt(clock.instant()));
  }

  public Optional<TroubleReport> openReportOf(String meterId) {
    return Optional.ofNullable(openByMeter.get(meterId));
  }

  /** Raises a field pickup request for the meter of an open report (R-FLD-1), once. */
  public PickupRequest raisePickupRequest(String meterId) {
    TroubleReport open = openByMeter.get(meterId);
    if (open == null) {
      throw new IllegalArgumentException("meter " + meterId + " has no open trouble report");
    }
    if (open.pickupRequestId().isPresent()) {
      return pickups.find(open.pickupRequestId().get()).orElseThrow();
    }
    PickupRequest request = pickups.raise(meterId, new PickupOrigin.TroubleReportOrigin(open.id()),
        "communications trouble: missing " + open.missingRanges());
    openByMeter.put(meterId, open.withPickupRequest(request.id()));
    return request;
  }

  public int openCount() {
    return openByMeter.size();
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
      if (age.compareTo(Duration.ofDays(1)) <= 0) {
        day++;
      } else if (age.compareTo(Duration.ofDays(7)) <= 0) {
        week++;
      } else {
        older++;
      }
    }
    lines.sort(Comparator.comparing((AgingReport.Line l) -> l.report().opened()).thenComparing(l -> l.report().id()));
    return new AgingReport(now, lines, day, week, older);
  }
}
