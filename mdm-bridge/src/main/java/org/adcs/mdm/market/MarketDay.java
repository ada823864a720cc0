package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * One posted day of one meter channel as a market party receives it: the service point it belongs to
 * and either the validated intervals or, for a channel read as a register only (a non-interval
 * account), the register reads taken that day (R-MD-5).
 */
public record MarketDay(String servicePoint, Optional<ValidatedDay> intervals, Optional<RegisterDay> registers) {

  public MarketDay {
    Objects.requireNonNull(servicePoint, "servicePoint");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(registers, "registers");
    if (intervals.isPresent() == registers.isPresent()) {
      throw new IllegalArgumentException("a market day holds either intervals or register reads");
    }
  }

  public MarketDay(String servicePoint, ValidatedDay data) {
    this(servicePoint, Optional.of(data), Optional.empty());
  }

  public MarketDay(String servicePoint, RegisterDay registers) {
    this(servicePoint, Optional.empty(), Optional.of(registers));
  }

  /** The validated intervals of an interval day. */
  public ValidatedDay data() {
    return intervals.orElseThrow(() -> new IllegalStateException("a register day has no intervals"));
  }

  public boolean isRegisterDay() {
    return registers.isPresent();
  }

  /** The meter day, in the meter's standard time. */
  public LocalDate day() {
    return intervals.map(ValidatedDay::day).orElseGet(() -> registers.orElseThrow().day());
  }

  public Instant postedAt() {
    return intervals.map(ValidatedDay::postedAt).orElseGet(() -> registers.orElseThrow().postedAt());
  }

  /** Engineering value of interval {@code i}. */
  public BigDecimal value(int i) {
    var data = data();
    return BigDecimal.valueOf(data.value(i), -data.scale());
  }

  /**
   * End of interval {@code i} in the meter's standard time: the day's last interval ends at 00:00 of
   * the next day (R-MD-5), and a standard-time day always has the same number of intervals.
   */
  public LocalDateTime intervalEnd(int i) {
    var data = data();
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
