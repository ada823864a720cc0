package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * One posted day of one meter channel as a market party receives it: the service point it belongs to,
 * the validated intervals and, for a cumulative (register) channel, the reads at the period's ends.
 */
public record MarketDay(String servicePoint, ValidatedDay data, Optional<CumulativeRead> cumulative) {

  public MarketDay {
    Objects.requireNonNull(servicePoint, "servicePoint");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(cumulative, "cumulative");
  }

  public MarketDay(String servicePoint, ValidatedDay data) {
    this(servicePoint, data, Optional.empty());
  }

  /** Engineering value of interval {@code i}. */
  public BigDecimal value(int i) {
    return BigDecimal.valueOf(data.value(i), -data.scale());
  }

  /**
   * End of interval {@code i} in the meter's standard time: the day's last interval ends at 00:00 of
   * the next day (R-MD-5), and a standard-time day always has the same number of intervals.
   */
  public LocalDateTime intervalEnd(int i) {
    return data.day().atStartOfDay().plusMinutes((long) (i + 1) * data.intervalMinutes());
  }

  /** Register reads at the start and end of the period of a cumulative channel. */
  public record CumulativeRead(BigDecimal startRead, BigDecimal endRead) {

    public CumulativeRead {
      Objects.requireNonNull(startRead, "startRead");
      Objects.requireNonNull(endRead, "endRead");
    }

    public BigDecimal usage() {
      return endRead.subtract(startRead);
    }
  }
}
