package org.adcs.mdm.billing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stretch of a response over which framing, account and season stay the same (R-MD-4). Without
 * status OK it carries no quantities, only the reason.
 *
 * @param account the account served, empty when the point is inactive
 * @param meter   the meter read, empty when there is none
 */
public record BqPart(Instant from, Instant to, String framing, String season, String account, String meter,
    BqStatus status, String reason, List<Quantity> quantities) {

  public BqPart {
    Objects.requireNonNull(status, "status");
    quantities = List.copyOf(quantities);
    if (status != BqStatus.OK && !quantities.isEmpty()) {
      throw new IllegalArgumentException("a part with status " + status + " carries no quantities");
    }
  }

  static BqPart failed(Stretch s, BqStatus status, String reason) {
    return new BqPart(s.from(), s.to(), s.framing().wireName(), s.season(), s.account(), s.meter(), status, reason,
        List.of());
  }

  /** Where a response is split: framing, service point relationship and season are fixed within it. */
  record Stretch(Instant from, Instant to, Framing framing, String season, String account, String meter) {}
}
