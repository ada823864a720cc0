package org.adcs.mdm.masterdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A service point's relationships over time (R-MD-1): non-overlapping periods in date order. A change
 * overlays its period on what was there (back-dated and future-dated alike): older periods are cut
 * where the change begins and resume where it ends. A point without a period covering an instant is
 * inactive then.
 */
public record ServicePointTimeline(String sdpId, List<Period> periods) {

  public ServicePointTimeline {
    periods = periods.stream().sorted(Comparator.comparing(Period::from)).toList();
    for (int i = 1; i < periods.size(); i++) {
      Period previous = periods.get(i - 1);
      if (previous.to().isEmpty() || previous.to().get().isAfter(periods.get(i).from())) {
        throw new IllegalArgumentException("periods of " + sdpId + " overlap at " + periods.get(i).from());
      }
    }
  }

  public static ServicePointTimeline empty(String sdpId) {
    return new ServicePointTimeline(sdpId, List.of());
  }

  public Optional<ServicePointState> at(Instant at) {
    return periods.stream().filter(p -> p.covers(at)).map(Period::state).findFirst();
  }

  /** The change's period replaces whatever was effective during it. */
  public ServicePointTimeline overlay(Period change) {
    Instant start = change.from();
    List<Period> result = new ArrayList<>();
    for (Period p : periods) {
      if (!p.overlaps(start, change.to().orElse(Instant.MAX))) {
        result.add(p);
        continue;
      }
      if (p.from().isBefore(start)) {
        result.add(p.withTo(start));
      }
      change.to().filter(end -> p.to().map(end::isBefore).orElse(true)).ifPresent(end -> result.add(p.withFrom(end)));
    }
    result.add(change);
    return new ServicePointTimeline(sdpId, result);
  }

  /** Deactivates the point as of {@code at}: nothing is effective from then on. */
  public ServicePointTimeline closeAt(Instant at) {
    List<Period> result = new ArrayList<>();
    for (Period p : periods) {
      if (!p.from().isBefore(at)) {
        continue;
      }
      result.add(p.covers(at) ? p.withTo(at) : p);
    }
    return new ServicePointTimeline(sdpId, result);
  }

  /** Whether the meter is related to this point at any instant of [start, end). */
  public boolean servesMeter(String meter, Instant start, Instant end) {
    return periods.stream().anyMatch(p -> p.state().meter().equals(meter) && p.overlaps(start, end));
  }
}
