package org.adcs.mdm.market;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How long market files stay where (R-MD-5): on line (listed) for {@code online}, at least 5 days;
 * then archived (listed only on request, still collectable) until {@code kept} after creation, at least
 * 3 years; then deleted.
 */
public record MailboxRetention(Duration online, Period kept) {

  public static final Duration MIN_ONLINE = Duration.ofDays(5);
  public static final Period MIN_KEPT = Period.ofYears(3);
  public static final MailboxRetention DEFAULT = new MailboxRetention(MIN_ONLINE, MIN_KEPT);

  public enum Stage { ONLINE, ARCHIVED, EXPIRED }

  public MailboxRetention {
    Objects.requireNonNull(online, "online");
    Objects.requireNonNull(kept, "kept");
    if (online.compareTo(MIN_ONLINE) < 0) {
      throw new IllegalArgumentException("market files stay on line at least 5 days, found " + online);
    }
    Instant epoch = Instant.EPOCH;
    if (until(epoch, kept).isBefore(until(epoch, MIN_KEPT))) {
      throw new IllegalArgumentException("market files are kept at least 3 years, found " + kept);
    }
    if (until(epoch, kept).isBefore(epoch.plus(online))) {
      throw new IllegalArgumentException("files cannot be deleted (" + kept + ") before they leave the on-line"
          + " mailbox (" + online + ")");
    }
  }

  public Stage stage(Instant created, Instant now) {
    if (now.isBefore(created.plus(online))) {
      return Stage.ONLINE;
    }
    return now.isBefore(until(created, kept)) ? Stage.ARCHIVED : Stage.EXPIRED;
  }

  /** Seconds a file created at {@code created} still has to live at {@code now}: its store time-to-live. */
  public long secondsLeft(Instant created, Instant now) {
    return Math.max(0, Duration.between(now, until(created, kept)).toSeconds());
  }

  private static Instant until(Instant from, Period period) {
    return from.atOffset(ZoneOffset.UTC).plus(period).toInstant();
  }
}
