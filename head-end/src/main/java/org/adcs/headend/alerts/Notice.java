package org.adcs.headend.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * Something an operator must look at and acknowledge: a failed on-demand read, a suspected outage, a
 * meter clock out of bounds. The key names the occurrence, so the same one raised twice (a projection
 * replaying its events) is stored once.
 */
public record Notice(String key, Kind kind, Optional<String> meterId, Instant raisedAt, String detail) {

  /** What happened, as the API writes it. */
  public enum Kind {
    READ_FAILED("read-failed"),
    OUTAGE_SUSPECTED("outage-suspected"),
    OUTAGE_CLEARED("outage-cleared"),
    CLOCK_ERROR("clock-error");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Optional<Kind> parse(String text) {
      for (Kind k : values()) {
        if (k.wire.equals(text)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  public Notice {
    java.util.Objects.requireNonNull(key, "key");
    java.util.Objects.requireNonNull(kind, "kind");
    java.util.Objects.requireNonNull(meterId, "meterId");
    java.util.Objects.requireNonNull(raisedAt, "raisedAt");
    java.util.Objects.requireNonNull(detail, "detail");
    if (key.length() > 200) {
      throw new IllegalArgumentException("a notice key is at most 200 characters: " + key);
    }
    detail = detail.length() > 1024 ? detail.substring(0, 1021) + "..." : detail;
  }
}
