package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.RegisterRead;

/**
 * The register reads of one meter channel taken on one standard-time day ({@code [day 00:00, next day
 * 00:00)}), in time order, with the newest read before them if there is one. The period runs from that
 * previous read (or, without one, the day's first read) to the day's last read; its usage is the
 * difference (the 867 {@code REG} segment). A register day is posted when its last-posted read was
 * ({@code postedAt}, the posting time of the delivery that stored it).
 */
public record RegisterDay(MeterId meter, Channel channel, LocalDate day, List<RegisterRead> reads,
    Optional<RegisterRead> previous, Instant postedAt) {

  public RegisterDay {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(postedAt, "postedAt");
    reads = reads.stream().sorted(Comparator.comparing(RegisterRead::readAt)).toList();
    if (reads.isEmpty()) {
      throw new IllegalArgumentException("a register day has at least one read");
    }
    for (RegisterRead read : reads) {
      if (!read.readAt().toLocalDate().equals(day)) {
        throw new IllegalArgumentException("a read of " + read.readAt() + " is not on " + day);
      }
    }
  }

  /** Engineering value of a read. */
  public static BigDecimal value(RegisterRead read) {
    return BigDecimal.valueOf(read.value(), -read.scale());
  }

  /** Start read, end read and usage of the period. */
  public MarketDay.CumulativeRead cumulative() {
    return new MarketDay.CumulativeRead(value(previous.orElse(reads.get(0))), value(reads.get(reads.size() - 1)));
  }
}
