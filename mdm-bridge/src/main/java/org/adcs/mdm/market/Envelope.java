package org.adcs.mdm.market;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Who sends a market file to whom and when; {@code standardTime} is the meters' standard-time offset,
 * the time every interval timestamp in the file is given in (no daylight saving, R-COL-6). The file's
 * transaction number (empty when it has none) and whether it is a resend (R-VEE-3) go in its header
 * where the format has one.
 */
public record Envelope(String sender, String receiver, Instant createdAt, ZoneOffset standardTime,
    String transaction, boolean resend) {

  public Envelope {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(standardTime, "standardTime");
    Objects.requireNonNull(transaction, "transaction");
  }

  /** An original file without a transaction number. */
  public Envelope(String sender, String receiver, Instant createdAt, ZoneOffset standardTime) {
    this(sender, receiver, createdAt, standardTime, "", false);
  }
}
