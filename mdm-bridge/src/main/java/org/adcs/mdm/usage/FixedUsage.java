package org.adcs.mdm.usage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.adcs.mdm.reading.Channel;

/**
 * An unmetered load (e.g. street lights) served as a fixed-usage service point (R-MD-3): its usage is
 * a configured quantity per day or per calendar month, in the channel's unit. A monthly quantity is
 * spread over the month's days so that whole months add up to it exactly.
 */
public record FixedUsage(String sdpId, Channel channel, Basis basis, long quantity) {

  public enum Basis { DAILY, MONTHLY }

  public FixedUsage {
    Objects.requireNonNull(sdpId, "sdpId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(basis, "basis");
    if (quantity < 0) {
      throw new IllegalArgumentException("fixed usage of " + sdpId + " must not be negative, found " + quantity);
    }
  }

  /** The usage of one day: a monthly quantity's remainder goes to the month's first days. */
  public long onDay(LocalDate day) {
    if (basis == Basis.DAILY) {
      return quantity;
    }
    int days = YearMonth.from(day).lengthOfMonth();
    return quantity / days + (day.getDayOfMonth() <= quantity % days ? 1 : 0);
  }

  /** The usage of [from, to). */
  public long over(LocalDate from, LocalDate to) {
    long total = 0;
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      total += onDay(d);
    }
    return total;
  }
}
