package org.adcs.mdm.market;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.adcs.mdm.specialread.Resend;

/**
 * The outcome of a resend request (R-VEE-3): what was asked ({@code kind} and {@code key}, e.g.
 * {@code fileName} and the name), and either the file delivered with the whole billing periods it
 * holds per service point, or why it was refused.
 */
public record ResendRecord(UUID id, String party, String requestedBy, String kind, String key, Instant createdAt,
    Optional<Delivered> delivered, Optional<String> refusal) {

  public ResendRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(delivered, "delivered");
    Objects.requireNonNull(refusal, "refusal");
    if (delivered.isPresent() == refusal.isPresent()) {
      throw new IllegalArgumentException("a resend is either delivered or refused");
    }
  }

  /** The resend file and what it covers. */
  public record Delivered(UUID fileId, String fileName, String transaction, MarketFormat format, int channelDays,
      List<Covered> periods) {

    public Delivered {
      periods = List.copyOf(periods);
    }
  }

  /** A whole billing period of one service point sent again. */
  public record Covered(String servicePoint, Resend.BillingPeriod period) {}
}
