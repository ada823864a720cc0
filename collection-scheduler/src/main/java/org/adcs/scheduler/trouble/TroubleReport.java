package org.adcs.scheduler.trouble;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.adcs.scheduler.SchedulerSerializable;
import org.adcs.scheduler.completeness.DayRange;

/** A communications trouble report for the field (R-MIS-4), with the missing ranges that caused it. */
public record TroubleReport(
    long id,
    String meterId,
    Instant opened,
    TroubleReason reason,
    List<DayRange> missingRanges,
    Optional<Instant> closed,
    Optional<Long> pickupRequestId) implements SchedulerSerializable {

  public TroubleReport {
    missingRanges = List.copyOf(missingRanges);
  }

  public boolean isOpen() {
    return closed.isEmpty();
  }

  TroubleReport closedAt(Instant at) {
    return new TroubleReport(id, meterId, opened, reason, missingRanges, Optional.of(at), pickupRequestId);
  }

  TroubleReport withPickupRequest(long pickupId) {
    return new TroubleReport(id, meterId, opened, reason, missingRanges, closed, Optional.of(pickupId));
  }
}
