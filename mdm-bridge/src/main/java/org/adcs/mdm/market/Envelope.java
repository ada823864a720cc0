package org.adcs.mdm.market;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Who sends a market file to whom and when; {@code standardTime} is the meters' standard-time offset,
 * the time every interval timestamp in the file is given in (no daylight saving, R-COL-6).
 */
public record Envelope(String sender, String receiver, Instant createdAt, ZoneOffset standardTime) {

  public Envelope {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(standardTime, "standardTime");
  }
}
